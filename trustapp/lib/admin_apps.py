from django.contrib.admin.apps import AdminConfig


class TrustappAdminConfig(AdminConfig):
    default_site = "trustapp.lib.admin_site.TwoFactorAdminSite"
