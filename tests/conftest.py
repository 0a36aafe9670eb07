"""Shared fixtures: alice and bob are partners, carol is an outsider with her own space.

`make test` runs the suite twice, side by side (see the Makefile): on PostgreSQL and Redis
as in production, and the tests marked `embedded` (every browser journey and the reminder
path) on SQLite and the file broker as `make run` does. Every way the tests differ from
production is listed, with its reason, beside TEST_ENV in the Makefile.
"""

import os

import pytest
from allauth.account.models import EmailAddress
from django.test import Client

from trustapp.couples.models import Membership, Partnership

# Playwright's sync API runs an event loop in the test thread; the ORM calls the
# tests make beside it are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytest_plugins = ["tests.support.browser", "tests.support.database"]

PASSWORD = "a-long-kind-password-42"


def make_user(email, name, time_zone="Europe/Berlin"):
    from trustapp.accounts.models import User

    user = User.objects.create_user(
        email=email, password=PASSWORD, display_name=name, time_zone=time_zone
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def make_partnership(first, second=None):
    partnership = Partnership.objects.create()
    Membership.objects.create(partnership=partnership, user=first, slot=1)
    if second is not None:
        Membership.objects.create(partnership=partnership, user=second, slot=2)
    return partnership


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Browser journeys also run on the embedded default; PostgreSQL-only tests skip there.

    A browser test marked `production_only` runs once, in the production pass, with its
    reason in its docstring; most check what the browser does with a page (layout, focus,
    colours, a shortcut), the same whatever database served it. On SQLite every page it
    opens is still visited by the fuzz walk (tests/test_fuzz.py, marked embedded)."""
    from django.db import connection

    on_sqlite = connection.vendor == "sqlite"
    for item in items:
        if item.get_closest_marker("browser") and not item.get_closest_marker("production_only"):
            item.add_marker(pytest.mark.embedded)
        if on_sqlite and item.get_closest_marker("postgres_only"):
            item.add_marker(pytest.mark.skip(reason="needs PostgreSQL row locks"))


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache (rate-limit counters live there)."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def alice(db):
    return make_user("alice@example.com", "Alice")


@pytest.fixture
def bob(db):
    return make_user("bob@example.com", "Bob", time_zone="America/New_York")


@pytest.fixture
def carol(db):
    return make_user("carol@example.com", "Carol")


@pytest.fixture
def dave(db):
    return make_user("dave@example.com", "Dave")


@pytest.fixture
def partnership(alice, bob):
    """Alice and Bob's shared space."""
    return make_partnership(alice, bob)


@pytest.fixture
def other_partnership(carol, dave):
    """Carol and Dave's space: carol is an outsider to alice and bob's."""
    return make_partnership(carol, dave)


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def alice_client(alice):
    return client_for(alice)


@pytest.fixture
def bob_client(bob):
    return client_for(bob)


@pytest.fixture
def carol_client(carol):
    return client_for(carol)


@pytest.fixture
def htmx_headers():
    return {"HX-Request": "true"}
