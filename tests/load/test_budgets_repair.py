"""Repair: the list of moments, a moment before and after the reveal, its poll, and the
pause page and actions keep their query budgets from ten moments to more than a hundred."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.load.budget import GROWTH, Budget, Call, assert_budgets
from tests.repair.conftest import ALICE_MARK, BOB_MARK, write_all
from trustapp.agreements import library
from trustapp.repair import services
from trustapp.repair.models import Moment, Pause, Reflection


def url(name, partnership, *args):
    return reverse(f"repair:{name}", args=[partnership.public_id, *args])


def make_world(partnership, alice, bob):
    library.load()
    moments = [
        services.moment_start(partnership=partnership, user=alice, title=f"Evening {n}")
        for n in range(8)
    ]
    for moment in moments[:6]:
        write_all(moment, alice, ALICE_MARK)
        write_all(moment, bob, BOB_MARK)
    waiting = write_all(moments[6], bob, BOB_MARK)
    services.pause_start(
        partnership=partnership, user=bob, minutes=60, about="", path=partnership.get_absolute_url()
    )
    return SimpleNamespace(
        partnership=partnership, alice=alice, bob=bob, revealed=moments[0], waiting=waiting
    )


def grow(world):
    """A hundred more moments, each with both sides written, and a hundred past pauses."""
    now = timezone.now()
    moments = Moment.objects.bulk_create(
        Moment(
            partnership=world.partnership,
            title="An older evening",
            started_by=world.alice,
            started_at=now - timedelta(days=n + 1),
            revealed_at=now - timedelta(days=n),
        )
        for n in range(GROWTH)
    )
    Reflection.objects.bulk_create(
        Reflection(moment=moment, author=user, felt="Words", step=5, finished_at=now)
        for moment in moments
        for user in (world.alice, world.bob)
    )
    Pause.objects.bulk_create(
        Pause(
            partnership=world.partnership,
            user=world.alice,
            path="/",
            started_at=now - timedelta(days=n + 1),
            return_at=now - timedelta(days=n + 1) + timedelta(minutes=30),
            ended_at=now - timedelta(days=n + 1) + timedelta(minutes=30),
        )
        for n in range(GROWTH)
    )


def fresh_revealed(world):
    moment = services.moment_start(partnership=world.partnership, user=world.bob, title="Fresh")
    write_all(moment, world.alice, ALICE_MARK)
    return write_all(moment, world.bob, BOB_MARK)


PAGES = [
    Budget("moments", 8, lambda w: Call(url("index", w.partnership))),
    Budget(
        "moments, next page (htmx)",
        6,
        lambda w: Call(url("index", w.partnership) + "?page=2", htmx=True),
    ),
    Budget("moment, Alice's turn", 8, lambda w: Call(url("moment", w.partnership, w.waiting.pk))),
    Budget("moment, revealed", 8, lambda w: Call(url("moment", w.partnership, w.revealed.pk))),
    Budget(
        "status poll, nothing new (htmx)",
        5,
        lambda w: Call(
            url("status", w.partnership, w.waiting.pk) + "?seen=01", htmx=True, status=204
        ),
    ),
    Budget(
        "status poll, something new (htmx)",
        5,
        lambda w: Call(url("status", w.partnership, w.waiting.pk) + "?seen=00", htmx=True),
    ),
    Budget("pause", 5, lambda w: Call(url("pause", w.partnership))),
]

ACTIONS = [
    Budget(
        "start (form)",
        8,
        lambda w: Call(url("start", w.partnership), "post", {"title": "Today"}, status=302),
    ),
    Budget(
        "write a step (htmx)",
        16,
        lambda w: Call(
            url("write", w.partnership, w.waiting.pk),
            "post",
            {"step": 2, "text": "As I saw it"},
            htmx=True,
        ),
    ),
    Budget(
        "I hear you (htmx)",
        14,
        lambda w: Call(url("hear", w.partnership, fresh_revealed(w).pk), "post", htmx=True),
    ),
    Budget(
        "pause (form)",
        16,
        lambda w: Call(url("pause", w.partnership), "post", {"minutes": 30}, status=302),
    ),
]


@pytest.fixture
def world(partnership, alice, bob):
    return make_world(partnership, alice, bob)


def test_every_repair_page_and_action_keeps_its_query_budget_as_data_grows(alice_client, world):
    assert_budgets(alice_client, world, PAGES + ACTIONS, grow)
