"""Bytes no person types are stopped at the door, before any view hands them to the database.

A NUL byte in a path segment, a query value, a header or the session cookie used to reach
PostgreSQL, which refuses it (DataError, a 500) on every page that looks something up. Form fields
already refuse NUL with a message in the form (Django's ProhibitNullCharactersValidator).
"""

import re

from django.conf import settings
from django.http import HttpResponseBadRequest
from django.utils import translation
from django.utils.translation import gettext_lazy as _

# No path of ours has a control character; a query value may carry a line break
# (a prefilled text), never any other control character.
PATH_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
QUERY_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Django's session keys are lowercase letters and digits (SessionBase VALID_KEY_CHARS).
SESSION_KEY = re.compile(r"[a-z0-9]{1,64}")

BAD_ADDRESS = _(
    "This address has characters in it that no link of ours contains, "
    "so we could not open it. Please check the link, or start again from the home page.\n"
)


def has_control_characters(request):
    if PATH_CONTROL.search(request.path):
        return True
    # Headers are stored too (allauth keeps the User-Agent of each sign-in); the session
    # cookie is checked on its own.
    if any(
        "\x00" in value
        for key, value in request.META.items()
        if key.startswith("HTTP_") and key != "HTTP_COOKIE" and isinstance(value, str)
    ):
        return True
    return any(
        QUERY_CONTROL.search(text) for key, values in request.GET.lists() for text in (key, *values)
    )


class RejectControlCharactersMiddleware:
    """400 for control characters in the path, the query or a header; a garbled session
    cookie is no session."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if has_control_characters(request):
            # This runs before LocaleMiddleware: answer in the browser's language.
            with translation.override(translation.get_language_from_request(request)):
                text = str(BAD_ADDRESS)
            return HttpResponseBadRequest(text, content_type="text/plain; charset=utf-8")
        name = settings.SESSION_COOKIE_NAME
        garbled = name in request.COOKIES and not SESSION_KEY.fullmatch(request.COOKIES[name])
        if garbled:
            del request.COOKIES[name]
        response = self.get_response(request)
        if garbled and name not in response.cookies:
            response.delete_cookie(
                name,
                path=settings.SESSION_COOKIE_PATH,
                domain=settings.SESSION_COOKIE_DOMAIN,
                samesite=settings.SESSION_COOKIE_SAMESITE,
            )
        return response
