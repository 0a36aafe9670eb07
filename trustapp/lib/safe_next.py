"""Where a plain (no JavaScript) form returns to after it saved: its `next`, if that is ours."""

from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request, default):
    """The `next` of the form (or the query) when it is a path on this site, else `default`.

    Only a local path is accepted: `redirect()` would take anything else without a slash
    (`abc`, `-1`, `25:61`) for a URL name and fail after the write was saved, and another
    host would send the person away from the app.
    """
    target = request.POST.get("next") or request.GET.get("next") or ""
    if (
        target.startswith("/")
        and target.isprintable()
        and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return target
    return default
