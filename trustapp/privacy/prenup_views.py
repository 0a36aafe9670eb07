"""The data prenup page and the step shown on the home page until both have chosen."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from trustapp.couples.access import partnership_view
from trustapp.lib.htmx import render_page, wants_partial
from trustapp.lib.safe_next import safe_next
from trustapp.privacy import prenup_services as services
from trustapp.privacy.prenup import prenup_of
from trustapp.privacy.prenup_forms import ChoiceForm


def _page(partnership):
    return reverse("privacy:prenup", args=[partnership.public_id])


def _render(request, partnership, *, form=None, problem=None, status=200):
    """The page, or only its choice card for htmx; `form` keeps what was picked."""
    prenup = prenup_of(partnership)
    return render_page(
        request,
        "privacy/prenup.html",
        {
            "partnership": partnership,
            "prenup": prenup,
            "form": form or ChoiceForm.for_prenup(prenup),
            "problem": problem,
            "next": safe_next(request, _page(partnership)),
        },
        partial="choice",
        status=status,
    )


def _done(request, partnership, message):
    if wants_partial(request):
        return _render(request, partnership)
    messages.success(request, message)
    return redirect(safe_next(request, _page(partnership)))


def _failed(request, partnership, problem, form=None):
    if wants_partial(request):
        return _render(request, partnership, form=form, problem=problem, status=409)
    messages.error(request, problem)
    return redirect(safe_next(request, _page(partnership)))


@partnership_view(paired=True)
@require_safe
def prenup(request, partnership):
    return _render(request, partnership)


@partnership_view(paired=True)
@require_POST
def prenup_propose(request, partnership):
    form = ChoiceForm(request.POST)
    if not form.is_valid():
        return _render(request, partnership, form=form)
    try:
        result = services.prenup_propose(
            partnership=partnership, user=request.user, choice=form.cleaned_data["choice"]
        )
    except services.PrenupError as error:
        return _failed(request, partnership, str(error), form)
    partner = partnership.partner_of(request.user)
    if result.proposed_by_id == request.user.pk:
        message = _("Suggested. It takes effect once %(name)s agrees too.") % {"name": partner.name}
    else:
        message = _("Done: you have both chosen.")
    return _done(request, partnership, message)


@partnership_view(paired=True)
@require_POST
def prenup_agree(request, partnership):
    try:
        services.prenup_agree(
            partnership=partnership, user=request.user, choice=request.POST.get("choice", "")
        )
    except services.PrenupError as error:
        return _failed(request, partnership, str(error))
    return _done(request, partnership, _("Done: you have both chosen."))


@partnership_view(paired=True)
@require_POST
def prenup_clear(request, partnership):
    services.prenup_proposal_clear(partnership=partnership, user=request.user)
    return _done(request, partnership, _("Nothing changed: your current choice stands."))
