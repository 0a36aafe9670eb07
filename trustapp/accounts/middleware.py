import zoneinfo

from django.utils import timezone, translation
from django.utils.cache import patch_cache_control


class UserTimezoneMiddleware:
    """Show dates and times in the reader's own time zone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            try:
                timezone.activate(zoneinfo.ZoneInfo(user.time_zone))
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                timezone.deactivate()
        else:
            timezone.deactivate()
        return self.get_response(request)


class UserLanguageMiddleware:
    """A signed-in person's pages speak the language of their profile.

    Sits after LocaleMiddleware (which already chose from the switcher's cookie or the
    browser's Accept-Language) and AuthenticationMiddleware; a blank profile language keeps
    that choice. LocaleMiddleware's response half then names the language in
    Content-Language, and says the page varies by Accept-Language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.language:
            language = translation.get_supported_language_variant(user.language)
            translation.activate(language)
            request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)


class PrivatePagesMiddleware:
    """A signed-in person's pages are never stored by a browser or a proxy, so on a shared
    device the back button or the cache shows nothing of theirs after signing out."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response
