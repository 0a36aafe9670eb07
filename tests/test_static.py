"""The static files as production serves them: collected into a manifest of hashed names.

The rest of the suite runs with STATIC_MANIFEST=0 (see TEST_ENV in the Makefile), so this is
where a missing or misspelt static file fails, as it would fail every page in production
("Missing staticfiles manifest entry").
"""

import fcntl
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

ROOT = Path(__file__).resolve().parent.parent
STATIC_TAG = re.compile(r"""{%\s*static\s+['"]([^'"]+)['"]""")


def production_storage():
    return {
        "STORAGES": settings.STORAGES
        | {"staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}}
    }


@pytest.fixture(scope="session")
def collected(tmp_path_factory, worker_id):
    """Collected once a run (compressing every file is the slow part): pytest-django runs
    this file's database test apart from its other one, often in the other test process,
    so the first process to need the files collects them, under a lock, into the folder
    the processes of this run share, and the other one waits and reads them there."""
    shared = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        shared = shared.parent  # each pytest-xdist worker's own folder is in the run's
    root, done = shared / "static", shared / "static.collected"
    with open(shared / "static.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            with override_settings(STATIC_ROOT=root, **production_storage()):
                call_command("collectstatic", interactive=False, verbosity=0, clear=True)
            done.touch()
    return root


@pytest.fixture
def manifest(collected):
    with override_settings(STATIC_ROOT=collected, **production_storage()):
        yield staticfiles_storage


def test_every_static_file_a_template_names_is_in_the_manifest(manifest):
    names = {
        name
        for template in (ROOT / "templates").rglob("*.html")
        for name in STATIC_TAG.findall(template.read_text())
    }
    assert len(names) >= 5, names
    for name in sorted(names):
        hashed = manifest.stored_name(name)  # ValueError when it is missing
        assert hashed != name and (Path(manifest.location) / hashed).exists()


def test_pages_link_the_hashed_files(manifest, alice_client, partnership, client):
    assert manifest.stored_name("css/app.css") != "css/app.css"
    pages = [
        (client, reverse("account_login")),
        (alice_client, reverse("couples:home", args=[partnership.public_id])),
        (alice_client, reverse("appreciations:log", args=[partnership.public_id])),
        (alice_client, reverse("manifest")),
    ]
    for visitor, url in pages:
        response = visitor.get(url)
        assert response.status_code == 200, url
    body = client.get(reverse("account_login")).content.decode()
    assert manifest.url("css/app.css") in body


def test_the_service_worker_and_the_app_manifest_name_hashed_files_that_exist(manifest, client):
    import json
    import re

    worker = client.get(reverse("service_worker")).content.decode()
    shell = json.loads(re.search(r"const SHELL = (\[.*?\]);", worker).group(1))
    app_manifest = client.get(reverse("manifest")).json()
    icons = [icon["src"] for icon in app_manifest["icons"]]
    for url in [*shell, *icons]:
        if url == reverse("offline"):
            continue
        name = url.removeprefix("/static/")
        assert re.search(r"\.[0-9a-f]{12}\.", name), url  # hashed: a new file, a new name
        assert (Path(manifest.location) / name).exists(), url
