"""Do once in gunicorn's master what every worker would otherwise do on its first requests.

With `preload_app` the workers are forked from the master, so what it compiled here they
inherit: a new worker (at start, or replacing one after `max_requests`) answers its first
requests as fast as its hundredth. Nothing here opens a database or Redis connection,
which must never be shared across the fork.
"""

from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import caches
from django.template import engines
from django.urls import get_resolver
from django.utils import translation

SUFFIXES = {".html", ".txt"}


def project_templates():
    """The names of our own templates, the only ones the pages render all the time."""
    for directory in engines["django"].engine.dirs:
        root = Path(directory)
        for path in sorted(root.rglob("*")):
            if path.suffix in SUFFIXES and path.is_file():
                yield path.relative_to(root).as_posix()


def warm():
    """Returns how many templates were compiled (the cached loader keeps them)."""
    with translation.override(settings.LANGUAGE_CODE):  # loads the message catalogs
        get_resolver().reverse_dict  # noqa: B018 - imports every view, readies reverse()
    for alias in settings.CACHES:
        caches.create_connection(alias)  # imports its backend (redis); connects on first use
    staticfiles_storage.location  # noqa: B018 - builds the storage, which reads the manifest
    names = list(project_templates())
    for name in names:
        engines["django"].get_template(name)
    return len(names)
