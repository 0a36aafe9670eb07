from allauth.account import app_settings as account_settings
from allauth.core.internal import ratelimit
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from trustapp.couples import cards, landing, services
from trustapp.couples import tour as tour_steps
from trustapp.couples.access import partnership_view
from trustapp.couples.forms import InvitationForm, LeaveForm, NameForm
from trustapp.couples.models import Invitation, Membership, Partnership
from trustapp.couples.signals import invitation_accepted

# The link just made, kept only until the inviter's next page view shows it (once).
NEW_LINK_KEY = "new_invitation_link"


def _partnerships_of(user):
    return (
        Partnership.objects.for_user(user)
        .prefetch_related(
            Prefetch("memberships", queryset=Membership.objects.select_related("user"))
        )
        .order_by("ended_at", "-created_at")
    )


def home(request):
    """Signed out: what Trustapp is, and the way in. Signed in: with one active partnership,
    go straight to it; otherwise list them."""
    if not request.user.is_authenticated:
        return render(request, "landing.html", {"features": landing.FEATURES})
    partnerships = list(_partnerships_of(request.user))
    active = [p for p in partnerships if p.is_active]
    if len(active) == 1 and request.GET.get("all") is None:
        return redirect(active[0])
    return _spaces(request, partnerships, NameForm())


def _spaces(request, partnerships, form, status=200):
    return render(
        request,
        "couples/partnership_list.html",
        {
            "active": [p for p in partnerships if p.is_active],
            "archived": [p for p in partnerships if not p.is_active],
            "sections": cards.sections_for("spaces", user=request.user),
            "form": form,
        },
        status=status,
    )


@login_required
@require_POST
def partnership_create(request):
    """The first step of onboarding: a space, named if they like; then the invitation."""
    form = NameForm(request.POST)
    if not form.is_valid():
        return _spaces(request, list(_partnerships_of(request.user)), form, status=400)
    partnership = services.partnership_create(user=request.user, name=form.cleaned_data["name"])
    messages.success(request, _("Your shared space is ready. Now invite your partner."))
    return redirect("couples:invite", public_id=partnership.public_id)


@partnership_view
def partnership_home(request, partnership):
    context = {"partnership": partnership, "home": cards.for_home(partnership, request.user)}
    return render(request, "couples/home.html", context)


def _new_link(request, invitation):
    """The link made just before, shown once: only its hash stays on the server."""
    made = request.session.pop(NEW_LINK_KEY, None)
    if invitation is None or made is None or made["pk"] != invitation.pk:
        return None
    return request.build_absolute_uri(reverse("couples:invitation", args=[made["token"]]))


@partnership_view
def rename(request, partnership):
    """Either partner names the space, or gives it back its default name."""
    if not partnership.is_active:
        return redirect(partnership)
    form = NameForm(
        request.POST or None,
        initial={"name": partnership.name},
        default=partnership.default_title_for(request.user),
    )
    if request.method == "POST" and form.is_valid():
        services.partnership_rename(partnership=partnership, name=form.cleaned_data["name"])
        title = partnership.title_for(request.user)
        messages.success(request, _("Saved. Your space is called %(name)s.") % {"name": title})
        return redirect(partnership)
    return render(request, "couples/name.html", {"partnership": partnership, "form": form})


@partnership_view
def tour(request, partnership):
    """What the space holds, one step a page, while the partner has not joined yet."""
    number = tour_steps.step_number(request.GET.get("step"))
    context = {
        "partnership": partnership,
        "step": tour_steps.STEPS[number - 1],
        "number": number,
        "count": len(tour_steps.STEPS),
    }
    return render(request, "couples/tour.html", context)


@partnership_view
def invite(request, partnership):
    if partnership.is_paired:
        return redirect(partnership)
    form = InvitationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        invitation, token = services.invitation_create(
            partnership=partnership, created_by=request.user, email=form.cleaned_data["email"]
        )
        request.session[NEW_LINK_KEY] = {"pk": invitation.pk, "token": token}
        if invitation.email:
            messages.success(
                request, _("We sent the link to %(email)s.") % {"email": invitation.email}
            )
        return redirect("couples:invite", public_id=partnership.public_id)

    invitation = partnership.invitations.pending().first()
    link = _new_link(request, invitation)
    return render(
        request,
        "couples/invite.html",
        {"partnership": partnership, "form": form, "invitation": invitation, "link": link},
    )


@partnership_view
@require_POST
def invitation_revoke(request, partnership, pk):
    invitation = get_object_or_404(partnership.invitations, pk=pk)
    services.invitation_revoke(invitation=invitation)
    messages.success(request, _("That link no longer works."))
    return redirect("couples:invite", public_id=partnership.public_id)


def _too_many_tries(request):
    """allauth's limiter, ACCOUNT_RATE_LIMITS["invitation"]; GETs count too (token probing).

    A signed-out visitor has no account to count against, only an address: per-user rates
    apply once signed in (allauth refuses them for anonymous requests).
    """
    rates = account_settings.RATE_LIMITS.get("invitation") or ""
    if not request.user.is_authenticated:
        rates = ",".join(
            rate for rate in rates.split(",") if ratelimit.parse_rate(rate.strip()).per != "user"
        )
    usage = ratelimit.consume(
        request,
        app="allauth.account",
        action="invitation",
        config={"invitation": rates},
        limit_get=True,
    )
    if usage is not None:
        return None
    return render(request, "429.html", status=429)


def invitation(request, token):
    """The page a partner lands on from the link: who invited them, accept or decline."""
    if limited := _too_many_tries(request):
        return limited
    invitation = services.invitation_for_token(token)
    problem = services.invitation_problem(invitation, request.user)
    status = 200 if problem is None else 410 if invitation else 404
    joining = problem is None and request.user.is_authenticated
    sections = cards.sections_for("accept", invitation=invitation) if joining else []
    return render(
        request,
        "couples/invitation.html",
        # Every way to sign in or up from here comes back, the header's links too.
        {
            "invitation": invitation,
            "problem": problem,
            "token": token,
            "sign_in_next": request.path,
            "sections": sections,
        },
        status=status,
    )


@login_required
@require_POST
def invitation_respond(request, token):
    if limited := _too_many_tries(request):
        return limited
    try:
        if "decline" in request.POST:
            services.invitation_decline(token=token, user=request.user)
            messages.info(request, _("You declined the invitation. Nothing was shared."))
            return redirect("home")
        partnership = services.invitation_accept(token=token, user=request.user)
    except services.InvitationError as error:
        invitation = services.invitation_for_token(token)
        return render(
            request,
            "couples/invitation.html",
            {"invitation": invitation, "problem": str(error), "token": token},
            status=409,
        )
    invitation_accepted.send(
        sender=Invitation, partnership=partnership, user=request.user, answers=request.POST
    )
    partner = partnership.partner_of(request.user)
    messages.success(
        request, _("Welcome! You and %(name)s now share this space.") % {"name": partner.name}
    )
    return redirect(partnership)


@partnership_view(archive_ok=True)
def leave(request, partnership):
    if not partnership.is_active:
        return redirect(partnership)
    form = LeaveForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.partnership_leave(partnership=partnership, user=request.user)
        messages.info(
            request,
            _("You have left. The space stays here as a read-only archive."),
        )
        return redirect(partnership)
    sections = cards.sections_for("leave", partnership=partnership, user=request.user)
    context = {"partnership": partnership, "form": form, "sections": sections}
    return render(request, "couples/leave.html", context)
