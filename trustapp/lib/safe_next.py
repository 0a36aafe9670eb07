"""Where a plain (no JavaScript) form returns to after it saved: its `next`, if that is ours."""

from django.utils.http import url_has_allowed_host_and_scheme


def is_local_path(request, target):
    """Whether `target` is a path on this site (`/p/...`), the only kind of `next` we follow.

    Anything without a leading slash (`abc`, `-1`, `25:61`) would be taken by `redirect()`
    for a URL name, or by a browser as relative to the current page; another host would send
    the person away from the app.
    """
    return (
        target.startswith("/")
        and target.isprintable()
        and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    )


def safe_next(request, default):
    """The `next` of the form (or the query) when it is a path on this site, else `default`."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    return target if is_local_path(request, target) else default
