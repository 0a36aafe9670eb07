"""Our dates: the list, a change and the home card keep their query budget as the days
grow from ten to a hundred and more."""

from datetime import date, timedelta
from types import SimpleNamespace

import pytest

from tests.dates.conftest import make_date, url
from tests.load.budget import GROWTH, Budget, Call, assert_budgets
from trustapp.dates.models import OurDate


def make_world(partnership, alice, bob):
    dates = [
        make_date(partnership, (alice, bob)[i % 2], f"Day {i}", day=date(2020, 1, 1) + timedelta(i))
        for i in range(10)
    ]
    return SimpleNamespace(partnership=partnership, alice=alice, bob=bob, our_date=dates[-1])


def grow(world):
    OurDate.objects.bulk_create(
        OurDate(
            partnership=world.partnership, name=f"More {i}", day=date(2021, 1, 1) + timedelta(i)
        )
        for i in range(GROWTH * 3)
    )


PAGES = [
    Budget("our dates", 6, lambda w: Call(url("index", w.partnership))),
    Budget("changing a day", 6, lambda w: Call(url("edit", w.partnership, w.our_date.pk))),
    Budget(
        "adding a day (htmx)",
        8,
        lambda w: Call(
            url("add", w.partnership), "post", {"name": "New", "day": "2022-02-02"}, htmx=True
        ),
    ),
    Budget("home of the space", 17, lambda w: Call(w.partnership.get_absolute_url())),
]


@pytest.fixture
def world(partnership, alice, bob):
    return make_world(partnership, alice, bob)


def test_every_page_of_our_dates_keeps_its_query_budget_as_days_grow(alice_client, world):
    assert_budgets(alice_client, world, PAGES, grow)
