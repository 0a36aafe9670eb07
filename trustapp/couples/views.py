from allauth.core.internal import ratelimit
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from trustapp.couples import services
from trustapp.couples.access import partnership_view
from trustapp.couples.forms import InvitationForm, LeaveForm
from trustapp.couples.models import Membership, Partnership

PENDING_INVITATION_KEY = "pending_invitation"
SHOWN_TOKENS_KEY = "invitation_tokens"


def _partnerships_of(user):
    return (
        Partnership.objects.for_user(user)
        .prefetch_related(
            Prefetch("memberships", queryset=Membership.objects.select_related("user"))
        )
        .order_by("ended_at", "-created_at")
    )


@login_required
def home(request):
    """With one active partnership, go straight to it; otherwise list them."""
    token = request.session.pop(PENDING_INVITATION_KEY, None)
    if token:
        return redirect("couples:invitation", token=token)
    partnerships = list(_partnerships_of(request.user))
    active = [p for p in partnerships if p.is_active]
    if len(active) == 1 and request.GET.get("all") is None:
        return redirect(active[0])
    return render(
        request,
        "couples/partnership_list.html",
        {
            "active": active,
            "archived": [p for p in partnerships if not p.is_active],
        },
    )


@login_required
@require_POST
def partnership_create(request):
    partnership = services.partnership_create(user=request.user)
    messages.success(request, _("Your shared space is ready. Now invite your partner."))
    return redirect("couples:invite", public_id=partnership.public_id)


@partnership_view
def partnership_home(request, partnership):
    return render(request, "couples/home.html", {"partnership": partnership})


def _remember_token(request, invitation, token):
    shown = request.session.get(SHOWN_TOKENS_KEY, {})
    shown[str(invitation.pk)] = token
    request.session[SHOWN_TOKENS_KEY] = shown


@partnership_view
def invite(request, partnership):
    if partnership.is_paired:
        return redirect(partnership)
    form = InvitationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        invitation, token = services.invitation_create(
            partnership=partnership, created_by=request.user, email=form.cleaned_data["email"]
        )
        _remember_token(request, invitation, token)
        if invitation.email:
            messages.success(
                request, _("We sent the link to %(email)s.") % {"email": invitation.email}
            )
        return redirect("couples:invite", public_id=partnership.public_id)

    invitation = partnership.invitations.pending().first()
    link = None
    if invitation is not None:
        token = request.session.get(SHOWN_TOKENS_KEY, {}).get(str(invitation.pk))
        if token:
            link = request.build_absolute_uri(reverse("couples:invitation", args=[token]))
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
    # allauth's limiter, configured in ACCOUNT_RATE_LIMITS; GETs count too (token probing).
    usage = ratelimit.consume(request, app="allauth.account", action="invitation", limit_get=True)
    if usage is not None:
        return None
    return render(request, "couples/too_many_tries.html", status=429)


def invitation(request, token):
    """The page a partner lands on from the link: who invited them, accept or decline."""
    if limited := _too_many_tries(request):
        return limited
    invitation = services.invitation_for_token(token)
    problem = services.invitation_problem(invitation, request.user)
    if not request.user.is_authenticated and problem is None:
        # Come back here after signing up (and verifying) or signing in.
        request.session[PENDING_INVITATION_KEY] = token
    status = 200 if problem is None else 410 if invitation else 404
    return render(
        request,
        "couples/invitation.html",
        {"invitation": invitation, "problem": problem, "token": token},
        status=status,
    )


@login_required
@require_POST
def invitation_respond(request, token):
    if limited := _too_many_tries(request):
        return limited
    request.session.pop(PENDING_INVITATION_KEY, None)
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
    return render(request, "couples/leave.html", {"partnership": partnership, "form": form})
