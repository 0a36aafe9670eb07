"""Privacy pages under /me/: discreet emails, downloads, personal copies, deleting the account."""

from allauth.core.internal import ratelimit
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from trustapp.couples.models import Membership, Partnership
from trustapp.lib.htmx import render_page, wants_partial
from trustapp.privacy import export as exports
from trustapp.privacy.deletion import account_delete
from trustapp.privacy.forms import DeleteAccountForm, DiscreetForm
from trustapp.privacy.models import DataExport, PersonalCopy
from trustapp.privacy.prenup import grace_period, prenup_of


def _spaces(user):
    """Each space the person is in, with its partner and data choice, for the pages here."""
    partnerships = (
        Partnership.objects.for_user(user)
        .select_related("data_prenup")
        .prefetch_related(
            Prefetch("memberships", queryset=Membership.objects.select_related("user"))
        )
        .order_by("ended_at", "-created_at")
    )
    return [
        {"partnership": p, "partner": p.partner_of(user), "prenup": prenup_of(p)}
        for p in partnerships
    ]


def _zip_response(chunks, name):
    response = StreamingHttpResponse(chunks, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def privacy(request):
    user = request.user
    form = DiscreetForm(request.POST if request.method == "POST" else None, instance=user)
    context = {"form": form}
    if request.method == "POST" and form.is_valid():
        user = form.save()
        saved = (
            _("Discreet emails are on. Emails now say only “You have an update”.")
            if user.discreet_emails
            else _("Discreet emails are off. Emails say again what happened.")
        )
        if not wants_partial(request):
            messages.success(request, saved)
            return redirect("privacy:privacy")
        context = {"form": DiscreetForm(instance=user), "saved": saved}
    elif not wants_partial(request):  # the rest of the page is only built when shown
        context |= {"spaces": _spaces(user), "copies": user.personal_copies.defer("data")}
    return render_page(request, "privacy/privacy.html", context, partial="discreet-form")


# -- Download my data -------------------------------------------------------------------


def _exports_of(user):
    found = list(
        DataExport.objects.filter(user=user, expires_at__gt=timezone.now()).defer("content")[:5]
    )
    for export in found:
        if export.status == DataExport.Status.READY:
            export.link = reverse("privacy:export_download", args=[exports.download_token(export)])
    return found


@login_required
@require_http_methods(["GET", "POST"])
@never_cache
def export(request):
    user = request.user
    if request.method == "POST":
        if not exports.is_large(user):
            data = exports.collect(user)
            return _zip_response(exports.zip_chunks(exports.files(data, user)), exports.filename())
        exports.export_request(user=user)
        messages.info(
            request,
            _(
                "There is a lot to gather, so we are putting your download together. It "
                "usually takes a minute or two; we will also email you when it is ready."
            ),
        )
        return redirect("privacy:export")
    found = _exports_of(user)
    context = {
        "exports": found,
        "preparing": any(e.is_preparing for e in found),
    }
    return render_page(request, "privacy/export.html", context, partial="exports")


@login_required
@require_safe
@never_cache
def export_download(request, token):
    """The signed link works only for its owner, and only until it expires."""
    export = exports.export_for_token(request.user, token)
    if export is None:
        raise Http404
    content = DataExport.objects.filter(pk=export.pk).values_list("content", flat=True).get()
    response = HttpResponse(bytes(content), content_type="application/zip")
    name = exports.filename(export.ready_at)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


# -- Personal copies of past spaces -----------------------------------------------------


def _get_copy_for_user(user, pk):
    return get_object_or_404(PersonalCopy, pk=pk, user=user)


@login_required
@require_safe
def copy_detail(request, pk):
    copy = _get_copy_for_user(request.user, pk)
    return render(request, "privacy/copy.html", {"copy": copy, "space": copy.data})


@login_required
@require_safe
@never_cache
def copy_download(request, pk):
    copy = _get_copy_for_user(request.user, pk)
    return _zip_response(
        exports.zip_chunks(exports.copy_files(copy, request.user)),
        f"trustapp-copy-{copy.ended_at:%Y-%m-%d}.zip",
    )


@login_required
@require_POST
def copy_delete(request, pk):
    copy = _get_copy_for_user(request.user, pk)
    copy.delete()
    messages.success(request, _("Your copy is deleted. Nobody else ever had it."))
    return redirect("privacy:privacy")


# -- Delete my account ------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
@never_cache
def delete_account(request):
    user = request.user
    form = DeleteAccountForm(request.POST if request.method == "POST" else None, user=user)
    status = 200
    if request.method == "POST":
        if not ratelimit.consume(request, app="allauth.account", action="reauthenticate"):
            form.add_error(None, _("Too many tries. Please wait a minute and try again."))
            status = 429
        elif form.is_valid():
            account_delete(user=user)
            logout(request)
            return redirect("privacy:goodbye")
    return render(
        request,
        "privacy/delete.html",
        {"form": form, "spaces": _spaces(user), "grace_days": grace_period().days},
        status=status,
    )


@require_safe
def goodbye(request):
    return render(request, "privacy/goodbye.html")
