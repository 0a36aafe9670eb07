from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from trustapp.checkins.models import CheckIn
from trustapp.conversations.models import Conversation
from trustapp.couples.access import partnership_view
from trustapp.heard import services
from trustapp.heard.forms import FeelingForm
from trustapp.heard.sections import reveal_section
from trustapp.lib.htmx import render_page, wants_partial
from trustapp.lib.safe_next import safe_next


def _note(request, partnership, *, conversation=None, checkin=None):
    about = conversation or checkin
    about.partnership = partnership
    here = safe_next(request, about.get_absolute_url())
    section = {"partnership": partnership, "user": request.user, "here": here}
    section |= {"conversation": conversation, "checkin": checkin}
    kind = "conversation" if conversation else "checkin"
    form = FeelingForm(request.POST, about=kind)
    if not form.is_valid():
        if wants_partial(request):
            card = reveal_section(**section) | {"form": form}
            return render(request, "heard/_section.html", {"card": card}, status=422)
        # A plain form goes back to its page, the reason on top (only taps, nothing typed).
        for errors in form.errors.values():
            messages.error(request, errors[0])
        return redirect(here)
    services.feeling_note(
        partnership=partnership,
        user=request.user,
        conversation=conversation,
        checkin=checkin,
        **form.cleaned_data,
    )
    if wants_partial(request):
        card = reveal_section(**section) | {"saved": True}
        return render(request, "heard/_section.html", {"card": card})
    messages.success(request, _("Noted, just for you."))
    return redirect(here)


@partnership_view(paired=True)
@require_POST
def conversation(request, partnership, pk):
    found = get_object_or_404(
        Conversation, partnership=partnership, pk=pk, revealed_at__isnull=False
    )
    return _note(request, partnership, conversation=found)


@partnership_view(paired=True)
@require_POST
def checkin(request, partnership, pk):
    found = CheckIn.objects.revealed().filter(partnership=partnership, pk=pk).first()
    if found is None:
        raise Http404
    return _note(request, partnership, checkin=found)


def _trend_url(partnership):
    return reverse("heard:trend", args=[partnership.public_id])


@partnership_view(paired=True)
@require_safe
def trend(request, partnership):
    partner = partnership.partner_of(request.user)
    partner_shares = services.shares(partnership, partner)
    context = {
        "partnership": partnership,
        "partner": partner,
        "mine": services.trend_of(partnership, request.user),
        "i_share": services.shares(partnership, request.user),
        "partner_shares": partner_shares,
        # The partner's notes leave the database only when they chose to share them.
        "theirs": services.trend_of(partnership, partner) if partner_shares else [],
    }
    return render_page(request, "heard/trend.html", context)


@partnership_view(paired=True)
@require_POST
def share(request, partnership):
    is_on = request.POST.get("share") == "1"
    services.trend_share(partnership=partnership, user=request.user, share=is_on)
    partner = partnership.partner_of(request.user)
    if is_on:
        messages.success(request, _("%(name)s can now see your trend.") % {"name": partner.name})
    else:
        messages.success(request, _("Your trend is yours alone again."))
    return redirect(_trend_url(partnership))
