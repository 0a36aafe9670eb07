"""Project-level views that belong to no app."""

from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from trustapp.celery import app as celery_app


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


def manifest(request):
    from django.templatetags.static import static

    return JsonResponse(
        {
            "name": "Trustapp",
            "short_name": "Trustapp",
            "description": "A private shared space for two partners to build trust on purpose.",
            "start_url": "/",
            "scope": "/",
            "display": "standalone",
            "background_color": "#fbf7f4",
            "theme_color": "#8a4b6e",
            "icons": [
                {"src": static("img/icon-192.png"), "sizes": "192x192", "type": "image/png"},
                {"src": static("img/icon-512.png"), "sizes": "512x512", "type": "image/png"},
                {
                    "src": static("img/icon-512.png"),
                    "sizes": "512x512",
                    "type": "image/png",
                    "purpose": "maskable",
                },
            ],
        },
        content_type="application/manifest+json",
    )
