"""Redis down: the cache misses instead of failing, so signing in and pages keep working."""

import pytest
from django.core.cache import caches
from django.test import override_settings
from django.urls import reverse

from tests.conftest import PASSWORD

CLOSED_PORT = {
    "default": {
        "BACKEND": "trustapp.lib.cache.ResilientRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
}


@pytest.fixture
def redis_down():
    # Django rebuilds its cache handlers whenever CACHES is overridden.
    with override_settings(CACHES=CLOSED_PORT):
        yield caches["default"]


def test_reads_miss_and_writes_are_skipped(redis_down):
    assert redis_down.get("anything", "fallback") == "fallback"
    assert redis_down.add("key", 1) is True  # fails open: nobody is locked out
    redis_down.set("key", 1)
    assert redis_down.get_many(["a", "b"]) == {}
    assert redis_down.incr("counter", 3) == 3


def test_signing_in_works_with_rate_limits_on(client, alice, redis_down, settings):
    settings.ACCOUNT_RATE_LIMITS = {"login": "30/m/ip", "login_failed": "10/m/ip,5/5m/key"}
    response = client.post(
        reverse("account_login"), {"login": "alice@example.com", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code in (200, 302)


def test_pages_keep_working(alice_client, partnership, redis_down):
    assert alice_client.get(partnership.get_absolute_url()).status_code == 200
