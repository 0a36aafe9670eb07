from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context
from django.contrib.auth import get_user_model
from django.utils import translation

from trustapp.lib.i18n import recipient_language
from trustapp.lib.safe_next import is_local_path


class AccountAdapter(DefaultAccountAdapter):
    def is_safe_url(self, url):
        """After sign-in, sign-up or a code, follow `next` only to a path on this site."""
        return bool(url) and is_local_path(context.request, url)

    def send_mail(self, template_prefix, email, context):
        """allauth's emails (the sign-up code, a password reset, "your password changed")
        in the recipient's language: their profile's, else the page's they asked from."""
        user = context.get("user")
        if user is None or getattr(user, "pk", None) is None:
            user = get_user_model().objects.filter(email__iexact=email).first()
        with recipient_language(user, translation.get_language()):
            super().send_mail(template_prefix, email, context)
