"""The partnership home (every app's card and the navigation), the list of spaces, and the
pages around a partnership: query budgets that hold when every app holds a thousand rows."""

from types import SimpleNamespace

import pytest
from django.urls import reverse

from tests.conftest import make_partnership
from tests.load import (
    test_budgets_accounts,
    test_budgets_agreements,
    test_budgets_appreciations,
    test_budgets_checkins,
    test_budgets_conversations,
)
from tests.load.budget import Budget, Call, assert_budgets

APPS = [
    test_budgets_agreements,
    test_budgets_appreciations,
    test_budgets_conversations,
    test_budgets_checkins,
]


def make_world(partnership, alice, bob):
    world = SimpleNamespace(partnership=partnership, alice=alice, bob=bob)
    for app in APPS:
        for name, value in vars(app.make_world(partnership, alice, bob)).items():
            setattr(world, name, value)
    world.alone = make_partnership(alice)  # a space still waiting for a partner
    return world


def grow(world):
    """Every app's thousand rows in the space, and Alice in a thousand ended spaces."""
    for app in APPS:
        app.grow(world)
    test_budgets_accounts.grow(world)


def url(name, partnership, *args):
    return reverse(f"couples:{name}", args=[partnership.public_id, *args])


PAGES = [
    Budget("partnership home", 15, lambda w: Call(url("home", w.partnership))),
    Budget("home of a space waiting for a partner", 7, lambda w: Call(url("home", w.alone))),
    Budget("spaces", 5, lambda w: Call(reverse("home") + "?all")),
    Budget("invite, once paired", 3, lambda w: Call(url("invite", w.partnership), status=302)),
    Budget("invite", 5, lambda w: Call(url("invite", w.alone))),
    Budget("leave", 5, lambda w: Call(url("leave", w.partnership))),
    Budget("what happens to our data", 5, lambda w: Call(url("prenup", w.partnership))),
]


@pytest.fixture
def world(partnership, alice, bob):
    return make_world(partnership, alice, bob)


def test_every_page_around_a_partnership_keeps_its_query_budget_as_data_grows(alice_client, world):
    assert_budgets(alice_client, world, PAGES, grow)
