from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from trustapp.couples.access import partnership_view
from trustapp.lib.htmx import render_page, wants_partial
from trustapp.lib.safe_next import safe_next
from trustapp.wins import services
from trustapp.wins.forms import ResponseForm, WinForm
from trustapp.wins.models import Win

PAGE_SIZE = 20


def _get_win_for_user(partnership, pk):
    """A win of this partnership (both partners see every one), else 404."""
    win = get_object_or_404(Win, partnership_id=partnership.pk, pk=pk)
    return partnership.with_people([win])[0]


def _index_url(partnership):
    return reverse("wins:index", args=[partnership.public_id])


def _page(partnership, before):
    """One page of news, newest first, by keyset: the query count never grows."""
    wins = Win.objects.filter(partnership_id=partnership.pk)
    if before is not None:
        wins = wins.filter(pk__lt=before)
    page = partnership.with_people(wins.order_by("-pk")[: PAGE_SIZE + 1])
    if len(page) <= PAGE_SIZE:
        return page, None
    return page[:PAGE_SIZE], page[PAGE_SIZE - 1].pk


def _render_index(request, partnership, *, form=None, status=200):
    before = request.GET.get("before", "")
    wins, more = _page(partnership, int(before) if before.isdigit() else None)
    context = {
        "partnership": partnership,
        "partner": partnership.partner_of(request.user),
        "wins": wins,
        "more": more,
        "form": form or (WinForm() if partnership.is_active else None),
    }
    return render_page(request, "wins/index.html", context, partial="wins", status=status)


@partnership_view(paired=True)
@require_safe
def index(request, partnership):
    return _render_index(request, partnership)


@partnership_view(paired=True)
@require_POST
def share(request, partnership):
    form = WinForm(request.POST)
    if not form.is_valid():
        return _render_index(request, partnership, form=form, status=422)
    win = services.win_share(
        partnership=partnership, author=request.user, text=form.cleaned_data["text"]
    )
    if wants_partial(request):
        return _render_index(request, partnership)
    partner = partnership.partner_of(request.user)
    messages.success(request, _("Shared with %(name)s.") % {"name": partner.name})
    return redirect(f"{safe_next(request, _index_url(partnership))}#{win.anchor}")


def _render_detail(request, partnership, win, *, form=None, error="", status=200):
    context = {
        "partnership": partnership,
        "partner": partnership.partner_of(request.user),
        "win": win,
        "form": form or ResponseForm(),
        "error": error,
    }
    return render_page(request, "wins/detail.html", context, partial="win", status=status)


@partnership_view(paired=True)
@require_safe
def detail(request, partnership, pk):
    return _render_detail(request, partnership, _get_win_for_user(partnership, pk))


@partnership_view(paired=True)
@require_POST
def respond(request, partnership, pk):
    win = _get_win_for_user(partnership, pk)
    form = ResponseForm(request.POST)
    if form.is_valid():
        try:
            services.win_respond(win=win, user=request.user, text=form.cleaned_data["response"])
        except services.WinError as error:
            return _render_detail(request, partnership, win, error=str(error), status=409)
        if wants_partial(request):
            return _render_detail(request, partnership, win)
        messages.success(request, _("Sent. Thank you for being glad with them."))
        return redirect(win)
    return _render_detail(request, partnership, win, form=form, status=422)


@partnership_view(paired=True)
@require_POST
def keep(request, partnership, pk):
    win = _get_win_for_user(partnership, pk)
    try:
        services.win_keep(win=win, user=request.user)
    except services.WinError as error:
        return _render_detail(request, partnership, win, error=str(error), status=409)
    if wants_partial(request):
        return _render_detail(request, partnership, win)
    messages.success(request, _("Kept in your appreciation log."))
    return redirect(win)
