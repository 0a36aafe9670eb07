"""Rendered pages of a space, kept per browser session until something on them changes.

A page of a space is read far more often than anything in it changes, and rendering one
costs ten times what the request around it does. So a page, once rendered for a session,
is kept in the shared cache and answered from there until one of these moves:

- the space's *generation*: a token renewed whenever a request by either partner wrote
  anything to the database (`FreshnessMiddleware` spots the writes, whatever wrote them:
  the ORM, `update()`, hand-written SQL), and by `changed()` for writes outside a request;
- the *global generation*: renewed by library loads and any admin write;
- what the request itself carries: the exact session contents (so a notice waiting in
  the session is never hidden), the CSRF cookie (the forms' tokens), language, time zone,
  the local date (what is due, the week's prompt), the partnership and both memberships
  and people as the access check just read them, and the code and templates deployed.

It never crosses between people or browsers: the session key is part of every key. A
page is stored only when its rendering wrote nothing, set no cookie, left the session
and the messages untouched and answered 200; htmx requests for a piece of a page are
never kept (a boosted link, which gets the whole page, is). Entries expire after
`PAGE_CACHE_SECONDS` (five minutes) in any case. Without a shared cache
(the embedded setup keeps a cache per process) it is off: `PAGE_CACHE` in settings.
"""

import hashlib
import uuid
from functools import lru_cache, wraps
from pathlib import Path

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.translation import get_language

GLOBAL = "pagecache:gen:all"
# Writes that change nothing a page shows: the session itself and allauth's list of them.
QUIET_TABLES = ('"django_session"', '"usersessions_usersession"')
READS = ("SELECT", "SAVEPOINT", "RELEASE", "ROLLBACK", "BEGIN", "COMMIT", "SET ", "SHOW", "EXPLAIN")


def _space_key(partnership_id):
    return f"pagecache:gen:p{partnership_id}"


@lru_cache(maxsize=1)
def _build_id():
    """What is deployed: the app's code and templates and the static manifest (read once
    per process, on its first kept page, so commands and workers never pay for it)."""
    digest = hashlib.blake2b(digest_size=8)
    roots = [Path(settings.BASE_DIR) / "trustapp", Path(settings.BASE_DIR) / "templates"]
    manifest = Path(settings.STATIC_ROOT or "") / "staticfiles.json"
    files = [
        p
        for root in roots
        for p in sorted(root.rglob("*"))
        if p.suffix in {".py", ".html", ".toml"}
    ]
    for path in [*files, manifest]:
        if path.is_file():
            digest.update(str(path).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def enabled():
    return getattr(settings, "PAGE_CACHE", False)


def _renew(keys):
    cache.set_many({key: uuid.uuid4().hex for key in keys}, timeout=None)


def changed(*partnership_ids, everyone=False):
    """Pages of these spaces (or of every space) must be rendered again.

    Renewed now, and again once the transaction commits: a page rendered in between,
    from what was there before, is kept with a generation that is no longer current.
    """
    keys = {_space_key(pk) for pk in partnership_ids if pk is not None}
    if everyone:
        keys.add(GLOBAL)
    if not keys:
        return
    _renew(keys)
    if connection.in_atomic_block:
        connection.on_commit(lambda: _renew(keys))


def _generation_keys(partnership_ids):
    return [GLOBAL, *(_space_key(pk) for pk in sorted(partnership_ids))]


def _generations(keys, found):
    """The current tokens from `found` (one read with the page), creating any that are
    missing; None if the cache is down."""
    if all(key in found for key in keys):
        return [found[key] for key in keys]
    for key in keys:
        if key not in found:
            cache.add(key, uuid.uuid4().hex, timeout=None)
    found = cache.get_many(keys)
    if any(key not in found for key in keys):
        return None
    return [found[key] for key in keys]


def _row(instance, skip=("password",)):
    return tuple(
        getattr(instance, field.attname)
        for field in instance._meta.concrete_fields
        if field.name not in skip
    )


class WriteSpotter:
    """An execute wrapper that notes whether a statement could have changed anything."""

    def __init__(self):
        self.wrote = False

    def __call__(self, execute, sql, params, many, context):
        if not self.wrote:
            head = sql.lstrip()[:10].upper()
            if not head.startswith(READS) and not any(t in sql for t in QUIET_TABLES):
                self.wrote = True
        return execute(sql, params, many, context)


class FreshnessMiddleware:
    """Renews the generation of the spaces a request touched when it wrote anything."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        spotter = request.pagecache_writes = WriteSpotter()
        with connection.execute_wrapper(spotter):
            response = self.get_response(request)
        if spotter.wrote and enabled():
            self._changed(request)
        return response

    def _changed(self, request):
        if request.path.startswith("/admin/"):
            changed(everyone=True)
            return
        partnership = getattr(request, "partnership", None)
        if partnership is not None:
            changed(partnership.pk)
        elif request.user.is_authenticated:
            from trustapp.couples.models import Membership

            changed(
                *Membership.objects.filter(user=request.user).values_list(
                    "partnership_id", flat=True
                )
            )


def _key(request, facts):
    session = request.session
    material = (
        _build_id(),
        request.get_full_path(),
        bool(request.htmx),
        session.session_key,
        sorted((key, repr(value)) for key, value in session.items()),
        request.COOKIES.get(settings.CSRF_COOKIE_NAME),
        get_language(),
        timezone.get_current_timezone_name(),
        timezone.localdate().isoformat(),
        _row(request.user),
        facts,
    )
    return "pagecache:page:" + hashlib.blake2b(repr(material).encode(), digest_size=20).hexdigest()


def _cacheable_request(request):
    return (
        enabled()
        and request.method == "GET"
        # htmx asking for a piece of a page is never kept; a boosted link gets the page.
        and (not getattr(request, "htmx", False) or request.htmx.boosted)
        and hasattr(request, "pagecache_writes")
        and request.session.session_key
        and settings.CSRF_COOKIE_NAME in request.COOKIES
        and not len(get_messages(request))
    )


def _storable(request, response):
    messages = get_messages(request)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.pagecache_writes.wrote
        and not request.session.modified
        # The forms' tokens belong to the cookie this browser already has.
        and request.META.get("CSRF_COOKIE") == request.COOKIES.get(settings.CSRF_COOKIE_NAME)
        and not len(messages)
        and not messages.added_new
    )


def serve(request, partnership_ids, facts, render):
    """The page from the cache if it is there and fresh, else `render()` (kept if it may be).

    One round trip to the cache: the generations and the page are read together, and a
    page is answered only if it was rendered under the generations that are current.
    """
    if not _cacheable_request(request):
        return render()
    key, generation_keys = _key(request, facts), _generation_keys(partnership_ids)
    found = cache.get_many([*generation_keys, key])
    generations = _generations(generation_keys, found)
    if generations is None:
        return render()
    kept = found.get(key)
    if kept is not None and kept[0] == generations:
        _generations_then, content, headers = kept
        get_token(request)  # renews the CSRF cookie's expiry, as rendering the forms does
        return HttpResponse(content, headers=headers)
    response = render()
    if _storable(request, response):
        page = (generations, response.content, dict(response.headers))
        cache.set(key, page, settings.PAGE_CACHE_SECONDS)
    return response


def cached_space_page(view):
    """For a `partnership_view` page: kept per session, fresh while the space is unchanged."""

    @wraps(view)
    def wrapper(request, partnership, *args, **kwargs):
        facts = (_row(partnership), [(_row(m), _row(m.user)) for m in partnership.member_list()])
        return serve(
            request, [partnership.pk], facts, lambda: view(request, partnership, *args, **kwargs)
        )

    return wrapper
