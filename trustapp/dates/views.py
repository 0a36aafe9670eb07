from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from trustapp.couples.access import partnership_view
from trustapp.dates import services
from trustapp.dates.forms import ChangeDateForm, OurDateForm
from trustapp.dates.models import OurDate
from trustapp.lib.htmx import render_page, wants_partial


def _get_date_for_user(partnership, pk):
    """A day of this partnership (both partners may change every one), else 404."""
    our_date = get_object_or_404(OurDate, partnership=partnership, pk=pk)
    our_date.partnership = partnership
    return our_date


def _index_url(partnership):
    return reverse("dates:index", args=[partnership.public_id])


def _render_index(request, partnership, *, form=None, error="", status=200):
    dates = services.dates_of(partnership)
    has_together_since = any(d.together_since for d in dates)
    writable = partnership.is_active
    if form is None and writable:
        form = OurDateForm()
    together_form = None
    if writable and not has_together_since:
        together_form = form if form.together_since else OurDateForm(together_since=True)
        form = OurDateForm() if form.together_since else form
    context = {
        "partnership": partnership,
        "partner": partnership.partner_of(request.user),
        "dates": dates,
        "near": services.near(dates, timezone.localdate()),
        "form": form,
        "together_form": together_form,
        "error": error,
    }
    return render_page(request, "dates/index.html", context, partial="dates", status=status)


@partnership_view(paired=True)
@require_safe
def index(request, partnership):
    return _render_index(request, partnership)


@partnership_view(paired=True)
@require_POST
def add(request, partnership):
    together_since = request.POST.get("together") == "1"
    form = OurDateForm(request.POST, together_since=together_since)
    if not form.is_valid():
        return _render_index(request, partnership, form=form, status=422)
    try:
        our_date = services.date_add(
            partnership=partnership,
            user=request.user,
            together_since=together_since,
            **form.cleaned_data,
        )
    except services.DateError as error:
        return _render_index(request, partnership, error=str(error), status=409)
    if wants_partial(request):
        return _render_index(request, partnership)
    messages.success(request, _("Added to your dates."))
    return redirect(f"{_index_url(partnership)}#{our_date.anchor}")


def _render_edit(request, partnership, our_date, *, form=None, status=200):
    if form is None:
        form = ChangeDateForm(
            initial={
                "name": our_date.name,
                "day": our_date.day,
                "yearly": our_date.yearly,
                "version": our_date.version,
            },
            together_since=our_date.together_since,
        )
    context = {"partnership": partnership, "our_date": our_date, "form": form}
    return render_page(request, "dates/edit.html", context, status=status)


@partnership_view(paired=True)
@require_http_methods(["GET", "HEAD", "POST"])
def edit(request, partnership, pk):
    our_date = _get_date_for_user(partnership, pk)
    if request.method != "POST":
        return _render_edit(request, partnership, our_date)
    form = ChangeDateForm(request.POST, together_since=our_date.together_since)
    if not form.is_valid():
        return _render_edit(request, partnership, our_date, form=form, status=422)
    try:
        services.date_change(our_date=our_date, user=request.user, **form.cleaned_data)
    except services.DateConflict as error:
        # The partner's version shows on the page, this person's words in the form.
        form = form.keep_typed(error.version)
        form.add_error(None, str(error))
        return _render_edit(request, partnership, our_date, form=form, status=409)
    messages.success(request, _("Saved."))
    return redirect(f"{_index_url(partnership)}#{our_date.anchor}")


@partnership_view(paired=True)
@require_POST
def remove(request, partnership, pk):
    services.date_remove(our_date=_get_date_for_user(partnership, pk))
    if wants_partial(request):
        return _render_index(request, partnership)
    messages.success(request, _("Removed from your dates."))
    return redirect(_index_url(partnership))
