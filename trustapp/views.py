"""Project-level views that belong to no app."""

import functools
import hashlib
import json
import re
import tomllib
from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from trustapp.celery import app as celery_app
from trustapp.couples.models import Partnership
from trustapp.lib.context_processors import STYLESHEETS
from trustapp.lib.i18n import language_codes, missing_languages, read_translations, translated


@never_cache
def healthz(request):
    """Is the database reachable, and the broker? 200 if both, 503 otherwise."""
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except Exception as error:  # noqa: BLE001 - a health check reports, it never raises
        checks["database"] = f"error: {error.__class__.__name__}"
    try:
        # One attempt, no retry sleeps: a probe must answer quickly either way.
        with celery_app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=0, timeout=2)
        checks["broker"] = "ok"
    except Exception as error:  # noqa: BLE001
        checks["broker"] = f"error: {error.__class__.__name__}"
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse(checks, status=200 if healthy else 503)


# The app shell: our own static files, the same for everyone. The service worker keeps
# these and the offline page, and nothing else: never a page, never anyone's words.
SHELL = [
    *STYLESHEETS,
    "js/app.js",
    "js/quick-exit.js",
    "js/offline.js",
    "django_htmx/htmx-2.min.js",
    "django_htmx/django-htmx.js",
    "img/icon.svg",
    "img/icon-192.png",
    "fonts/figtree-latin-wght-normal.woff2",
]

# The sections a home-screen shortcut opens in one's space: name -> URL name.
SECTIONS = {
    "agreements": "agreements:list",
    "appreciations": "appreciations:log",
    "conversations": "conversations:index",
    "check-in": "checkins:current",
}


@require_GET
def service_worker(request):
    """Served from the root so its scope is the whole site; a template so it knows the
    (hashed, in production) names of the static files it keeps."""
    shell = [static(name) for name in SHELL] + [reverse("offline")]
    version = hashlib.sha256("\n".join(shell).encode()).hexdigest()[:12]
    response = render(
        request,
        "sw.js",
        {
            "version": version,
            "shell": json.dumps(shell),
            "offline": json.dumps(reverse("offline")),
            "static_prefix": json.dumps(settings.STATIC_URL),
            "icon": json.dumps(static("img/icon-192.png")),
        },
        content_type="text/javascript; charset=utf-8",
    )
    response["Service-Worker-Allowed"] = "/"
    response["Cache-Control"] = "no-cache"  # a new version is seen on the next visit
    return response


HELPLINES = Path(__file__).with_name("helplines.toml")
# The words of an entry a translation may give ([helplines.de] after the entry); a line's
# own name is optional there (most are names), the country and what it is for are not.
HELPLINE_TEXTS = ("country", "name", "about")
DIRECTORY_TEXTS = ("name", "about")
REQUIRED_TEXTS = ("country", "about")


@functools.cache
def helplines():
    """Where to find help, by country (helplines.toml): read once, the file is data."""
    data = tomllib.loads(HELPLINES.read_text(encoding="utf-8"))
    lines = [
        {
            **_entry(line, HELPLINE_TEXTS, f"helplines.toml, {line['country']}"),
            "dial": re.sub(r"[^\d+]", "", line["phone"]),
            "site": _site(line["website"]),
        }
        for line in data["helplines"]
    ]
    directories = [
        {
            **_entry(entry, DIRECTORY_TEXTS, f"helplines.toml, {entry['name']}"),
            "site": _site(entry["website"]),
        }
        for entry in data["directories"]
    ]
    return {"checked": data["checked"], "lines": lines, "directories": directories}


def _entry(raw, keys, where):
    """An entry's own fields and its checked `translations` (trustapp.lib.i18n)."""
    english = {key: raw[key] for key in keys if key in raw}
    fields = {key: value for key, value in raw.items() if key not in language_codes()}
    return {**fields, "translations": read_translations(raw, english, where)}


def helplines_missing():
    """[(where, language, key)] for each country or description lacking a language."""
    gaps = []
    for entry in helplines()["lines"] + helplines()["directories"]:
        english = {key: entry[key] for key in REQUIRED_TEXTS if key in entry}
        gaps += missing_languages(entry["name"], english, entry["translations"])
    return gaps


def _in_language(entries, keys):
    return [{**entry, **{key: translated(entry, key) for key in keys}} for entry in entries]


def _site(url):
    """A website as people read it aloud: no scheme, no trailing slash."""
    return url.split("://", 1)[-1].rstrip("/")


@require_GET
def safety(request):
    found = helplines()
    shown = {
        "checked": found["checked"],
        "lines": _in_language(found["lines"], HELPLINE_TEXTS),
        "directories": _in_language(found["directories"], DIRECTORY_TEXTS),
    }
    return render(request, "safety.html", {"helplines": shown})


@require_GET
def offline(request):
    """What the service worker shows when there is no network. It is kept in the browser,
    so it says nothing about anyone (rendered the same signed in or out)."""
    return render(request, "offline.html")


@login_required
@require_GET
def shortcut(request, section):
    """A home-screen shortcut: the section in the person's space, or their spaces when
    they have none or several to choose from."""
    if section not in SECTIONS:
        raise Http404
    spaces = list(
        Partnership.objects.for_user(request.user).active().values_list("public_id", flat=True)[:2]
    )
    if len(spaces) != 1:
        return redirect(reverse("home") + "?all")
    return redirect(SECTIONS[section], public_id=spaces[0])


def manifest(request):
    return JsonResponse(
        {
            "id": "/",
            "name": "Trustapp",
            "short_name": "Trustapp",
            "description": _("A private shared space for two partners to build trust on purpose."),
            "lang": request.LANGUAGE_CODE,
            "start_url": "/",
            "scope": "/",
            "display": "standalone",
            "orientation": "any",
            "background_color": "#fbf7f4",
            "theme_color": "#8a4b6e",
            "categories": ["lifestyle", "social"],
            "icons": [
                {"src": static("img/icon.svg"), "sizes": "any", "type": "image/svg+xml"},
                {"src": static("img/icon-192.png"), "sizes": "192x192", "type": "image/png"},
                {"src": static("img/icon-512.png"), "sizes": "512x512", "type": "image/png"},
                {
                    "src": static("img/icon-maskable.svg"),
                    "sizes": "any",
                    "type": "image/svg+xml",
                    "purpose": "maskable",
                },
                {
                    "src": static("img/icon-maskable-192.png"),
                    "sizes": "192x192",
                    "type": "image/png",
                    "purpose": "maskable",
                },
                {
                    "src": static("img/icon-maskable-512.png"),
                    "sizes": "512x512",
                    "type": "image/png",
                    "purpose": "maskable",
                },
            ],
            "shortcuts": [
                {
                    "name": name,
                    "url": reverse("shortcut", args=[section]),
                    "icons": [
                        {"src": static("img/icon-192.png"), "sizes": "192x192", "type": "image/png"}
                    ],
                }
                for section, name in (
                    ("check-in", _("Our check-in")),
                    ("agreements", _("Agreements")),
                    ("appreciations", _("Appreciations")),
                    ("conversations", _("Conversations")),
                )
            ],
        },
        content_type="application/manifest+json",
    )
