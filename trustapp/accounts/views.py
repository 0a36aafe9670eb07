import time

from allauth.account import app_settings as account_settings
from allauth.account import views as allauth_views
from allauth.account.internal.flows.email_verification_by_code import (
    EMAIL_VERIFICATION_CODE_SESSION_KEY,
)
from allauth.mfa.base import views as allauth_mfa_views
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from trustapp.accounts.forms import ProfileForm
from trustapp.lib.htmx import render_page, wants_partial


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    data = request.POST if request.method == "POST" else None
    before = (request.user.theme, request.user.language)
    form = ProfileForm(data, instance=request.user)
    context = {"form": form}
    if request.method == "POST" and form.is_valid():
        user = form.save()
        if user.language != before[1]:
            # Say "saved" in the language just chosen (blank: the browser's).
            translation.activate(user.language or translation.get_language_from_request(request))
        saved = _("Saved. Times now show in %(zone)s.") % {"zone": user.time_zone}
        if (user.theme, user.language) != before and wants_partial(request):
            # The colours and the language live on <html> and in every word around the
            # swapped form: load the page anew.
            messages.success(request, saved)
            response = HttpResponse(status=204)
            response["HX-Redirect"] = reverse("accounts:profile")
            return response
        if not wants_partial(request):
            messages.success(request, saved)
            return redirect("accounts:profile")
        context = {"form": ProfileForm(instance=user), "saved": saved}
    return render_page(request, "accounts/profile.html", context, partial="profile-form")


def email_verification_sent(request):
    """allauth's "enter the code" page, plus a kind word when the code has run out.

    allauth quietly sends people elsewhere when the code has expired; tell them why.
    """
    state = request.session.get(EMAIL_VERIFICATION_CODE_SESSION_KEY)
    if (
        state
        and time.time() - state.get("at", 0) > account_settings.EMAIL_VERIFICATION_BY_CODE_TIMEOUT
    ):
        if request.user.is_authenticated:
            messages.info(request, _("That code ran out. You can ask for a new one below."))
        else:
            messages.info(
                request, _("That code ran out. Sign in again and we will send you a new one.")
            )
    return allauth_views.email_verification_sent(request)


def logout(request):
    """allauth's sign-out; once signed out, the browser forgets what it kept of the site
    (the service worker's shell, drafts in the tab), so a shared phone keeps nothing."""
    response = allauth_views.logout(request)
    if request.method == "POST" and not request.user.is_authenticated:
        response["Clear-Site-Data"] = '"cache", "storage"'
    return response


def mfa_authenticate(request):
    """allauth's sign-in code step. Without passkeys, a post with no `code` at all (only a
    hand-made request sends one) takes allauth's passkey branch and leaves the page without
    its form; treat it as an empty code, which gets the usual "required" answer."""
    if request.method == "POST" and "code" not in request.POST:
        request.POST = request.POST.copy()
        request.POST["code"] = ""
    return allauth_mfa_views.authenticate(request)
