"""The calendar feed and the next check-in file: a flat number of queries when the person
belongs to several spaces, each with many agreements that have a revisit date, and many
past check-ins and ended spaces."""

from datetime import date, time, timedelta
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.agreements.conftest import in_force
from tests.conftest import make_partnership, make_user
from tests.load.budget import GROWTH, Budget, Call, assert_budgets
from trustapp.agreements import library
from trustapp.agreements.models import Agreement
from trustapp.calendar.services import feed_turn_on
from trustapp.checkins.models import CheckIn
from trustapp.couples.models import Membership, Partnership
from trustapp.notifications.services import preference_save


def grow(world):
    now = timezone.now()
    template = Agreement.objects.get(pk=world.agreement.pk)
    for index in range(GROWTH):
        template.pk = None
        template.title = f"Agreement {index}"
        template.revisit_on = date.today() + timedelta(days=index)
        template.save()
    CheckIn.objects.bulk_create(
        CheckIn(
            partnership=world.partnership,
            opened_at=now - timedelta(days=index + 1),
            closed_at=now - timedelta(days=index),
        )
        for index in range(GROWTH)
    )
    for index in range(3):
        make_partnership(world.alice, make_user(f"other{index}@example.com", f"Other {index}"))
    ended = Partnership.objects.bulk_create(
        Partnership(ended_at=now, ended_by=world.alice) for _ in range(GROWTH)
    )
    Membership.objects.bulk_create(
        Membership(partnership=partnership, user=world.alice, slot=1, left_at=now)
        for partnership in ended
    )


BUDGETS = [
    Budget("calendar feed", 10, lambda w: Call(w.feed.get_absolute_url())),
    Budget("calendar settings", 3, lambda w: Call(reverse("calendar:settings"))),
    Budget(
        "next check-in file",
        6,
        lambda w: Call(reverse("checkins:next_ics", args=[w.partnership.public_id])),
    ),
]


@pytest.fixture
def world(partnership, alice, bob):
    library.load()
    preference_save(user=alice, cadence="weekly", weekday=6, local_time=time(19, 0))
    agreement = in_force(partnership, alice, bob, revisit_on=date.today() + timedelta(days=3))
    return SimpleNamespace(
        partnership=partnership, alice=alice, agreement=agreement, feed=feed_turn_on(user=alice)
    )


def test_the_calendar_keeps_its_query_budget_as_data_grows(alice_client, world):
    assert_budgets(alice_client, world, BUDGETS, grow)
