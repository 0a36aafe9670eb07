"""The partnership home (every app's card and the navigation), the list of spaces, and the
pages around a partnership: query budgets that hold when every app holds a hundred more rows."""

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
from trustapp.couples import services
from trustapp.privacy import prenup_services

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
    """Every app's hundred more rows in the space, and Alice in a hundred ended spaces."""
    for app in APPS:
        app.grow(world)
    test_budgets_accounts.grow(world)


def url(name, partnership, *args):
    namespace = "privacy" if name.startswith("prenup") else "couples"
    return reverse(f"{namespace}:{name}", args=[partnership.public_id, *args])


def fresh_space(world, *, bob_suggests=None):
    """Another space of Alice and Bob's, for actions that end or settle a space."""
    space = make_partnership(world.alice, world.bob)
    if bob_suggests:
        prenup_services.prenup_propose(partnership=space, user=world.bob, choice=bob_suggests)
    return space


def fresh_invitation(world):
    invitation, _token = services.invitation_create(partnership=world.alone, created_by=world.alice)
    return invitation


PAGES = [
    # One query a card at most (today's question and whether I answered it is one; the
    # check-in card reads the rhythm with the latest check-in), and a second only when it
    # has something to show: new appreciations are counted when there are some (as here),
    # agreements due for a revisit read when one is due.
    Budget("partnership home", 16, lambda w: Call(url("home", w.partnership))),
    Budget("home of a space waiting for a partner", 7, lambda w: Call(url("home", w.alone))),
    # One for support after each space someone else ended (repair).
    Budget("spaces", 6, lambda w: Call(reverse("home") + "?all")),
    Budget("invite, once paired", 3, lambda w: Call(url("invite", w.partnership), status=302)),
    Budget("invite", 6, lambda w: Call(url("invite", w.alone))),
    Budget("leave", 6, lambda w: Call(url("leave", w.partnership))),
    Budget("what happens to our data", 6, lambda w: Call(url("prenup", w.partnership))),
]

ACTIONS = [
    Budget(
        "start a space (form)", 6, lambda w: Call(reverse("couples:create"), "post", status=302)
    ),
    Budget(
        "invite (form)",
        10,
        lambda w: Call(url("invite", w.alone), "post", {"email": ""}, status=302),
    ),
    Budget(
        "revoke an invitation (form)",
        5,
        lambda w: Call(
            url("invitation_revoke", w.alone, fresh_invitation(w).pk), "post", status=302
        ),
    ),
    Budget(
        "leave (form)",
        # Two of them stop a rebuilding track and forget lone yeses (repair).
        23,
        lambda w: Call(url("leave", fresh_space(w)), "post", {"confirm": "on"}, status=302),
    ),
    Budget(
        "suggest what happens to our data (htmx)",
        12,
        lambda w: Call(
            url("prenup_propose", fresh_space(w)), "post", {"choice": "own_words"}, htmx=True
        ),
    ),
    Budget(
        "agree to it (htmx)",
        12,
        lambda w: Call(
            url("prenup_agree", fresh_space(w, bob_suggests="delete")),
            "post",
            {"choice": "delete"},
            htmx=True,
        ),
    ),
    Budget(
        "keep what stands (htmx)",
        11,
        lambda w: Call(
            url("prenup_clear", fresh_space(w, bob_suggests="keep_all")), "post", htmx=True
        ),
    ),
]


@pytest.fixture
def world(partnership, alice, bob):
    return make_world(partnership, alice, bob)


def test_every_page_and_action_around_a_partnership_keeps_its_query_budget_as_data_grows(
    alice_client, world
):
    assert_budgets(alice_client, world, PAGES + ACTIONS, grow)
