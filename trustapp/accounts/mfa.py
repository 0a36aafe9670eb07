"""Two-factor secrets (the authenticator app's key, the recovery codes' seed) are stored
encrypted, so a copy of the database or a look at the admin does not hand them out.

The key is derived from SECRET_KEY; keys from SECRET_KEY_FALLBACKS still decrypt, so
rotating SECRET_KEY the usual Django way keeps everyone's two-factor sign-in working.
"""

import base64

from allauth.mfa.adapter import DefaultMFAAdapter
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.utils.crypto import salted_hmac

KEY_SALT = "trustapp.accounts.mfa.secrets"


def _fernet(secret):
    digest = salted_hmac(KEY_SALT, "", secret=secret, algorithm="sha256").digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def _fernets():
    return MultiFernet(
        [_fernet(secret) for secret in [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]]
    )


def encrypt(text):
    return _fernets().encrypt(text.encode()).decode()


def decrypt(encrypted_text):
    return _fernets().decrypt(encrypted_text.encode()).decode()


def is_encrypted(text):
    try:
        decrypt(text)
    except InvalidToken:
        return False
    return True


class MFAAdapter(DefaultMFAAdapter):
    def encrypt(self, text):
        return encrypt(text)

    def decrypt(self, encrypted_text):
        return decrypt(encrypted_text)
