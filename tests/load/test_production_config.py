"""The production settings `make bench` measured (docs/benchmarks.md), kept from drifting."""

import runpy
from pathlib import Path

from django.template import engines

ROOT = Path(__file__).resolve().parents[2]


def test_templates_are_compiled_once_per_process_when_debug_is_off(settings):
    assert settings.DEBUG is False
    loader = engines["django"].engine.template_loaders[0]
    assert type(loader).__module__ == "django.template.loaders.cached"


def test_gunicorn_preloads_the_app_and_rarely_replaces_its_workers(monkeypatch, settings):
    for name in ("WEB_CONCURRENCY", "GUNICORN_THREADS", "GUNICORN_MAX_REQUESTS"):
        monkeypatch.delenv(name, raising=False)
    config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    assert config["preload_app"] is True
    assert config["max_requests"] >= 10_000
    # Each request thread can hold one of its process's pooled connections.
    pool = settings.DATABASES["default"].get("OPTIONS", {}).get("pool")
    if pool:
        assert config["threads"] <= pool["max_size"]


def test_a_signed_in_session_is_not_saved_on_every_request(settings):
    assert settings.SESSION_SAVE_EVERY_REQUEST is False
    assert settings.USERSESSIONS_TRACK_ACTIVITY is False
