"""The Django admin, reachable only by staff who have turned on two-factor authentication."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _


class TwoFactorAdminSite(admin.AdminSite):
    site_header = _("Trustapp administration")
    site_title = _("Trustapp admin")

    def has_permission(self, request):
        from allauth.mfa.utils import is_mfa_enabled

        return super().has_permission(request) and is_mfa_enabled(request.user)

    def login(self, request, extra_context=None):
        # Sign-in (with its second factor) happens in allauth; the admin never asks for a password.
        from django.shortcuts import redirect, render
        from django.urls import reverse

        if not request.user.is_authenticated:
            return redirect(f"{reverse('account_login')}?next={request.get_full_path()}")
        return render(request, "admin_needs_two_factor.html", status=403)
