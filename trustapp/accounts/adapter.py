from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context

from trustapp.lib.safe_next import is_local_path


class AccountAdapter(DefaultAccountAdapter):
    def is_safe_url(self, url):
        """After sign-in, sign-up or a code, follow `next` only to a path on this site."""
        return bool(url) and is_local_path(context.request, url)
