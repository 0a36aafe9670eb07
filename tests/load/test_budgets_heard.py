"""Did I feel heard: one's trend keeps its query budget as the notes grow."""

from types import SimpleNamespace

import pytest

from tests.checkins.support import answer, open_checkin
from tests.heard.conftest import url
from tests.load.budget import GROWTH, Budget, Call, assert_budgets
from trustapp.checkins.models import CheckIn
from trustapp.heard.models import Feeling, SharedTrend


def notes(world, count):
    for _i in range(count):
        checkin = open_checkin(world.partnership)
        answer(checkin, world.alice)
        answer(checkin, world.bob)
        CheckIn.objects.filter(pk=checkin.pk).update(closed_at=checkin.opened_at)
        for user in (world.alice, world.bob):
            Feeling.objects.create(
                partnership=world.partnership, user=user, checkin=checkin, understood=4, cared_for=3
            )


def grow(world):
    notes(world, GROWTH)


PAGES = [
    Budget("my trend, and my partner's shared one", 9, lambda w: Call(url("trend", w.partnership)))
]


@pytest.fixture
def world(partnership, alice, bob):
    SharedTrend.objects.create(partnership=partnership, user=bob)
    world = SimpleNamespace(partnership=partnership, alice=alice, bob=bob)
    notes(world, 10)
    return world


def test_the_trend_keeps_its_query_budget_as_notes_grow(alice_client, world):
    assert_budgets(alice_client, world, PAGES, grow)
