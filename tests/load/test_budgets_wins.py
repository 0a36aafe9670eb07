"""Good news: the list, its next page, a piece of news and the home keep their query
budget as the news grows from ten to hundreds."""

from types import SimpleNamespace

import pytest

from tests.load.budget import GROWTH, Budget, Call, assert_budgets
from tests.wins.conftest import url
from trustapp.wins.models import Win


def make_world(partnership, alice, bob):
    wins = [
        Win.objects.create(partnership=partnership, author=(alice, bob)[i % 2], text=f"News {i}")
        for i in range(10)
    ]
    return SimpleNamespace(partnership=partnership, alice=alice, bob=bob, win=wins[-1])


def grow(world):
    Win.objects.bulk_create(
        Win(partnership=world.partnership, author=world.bob, text=f"More news {i}")
        for i in range(GROWTH * 3)
    )


def second_page(world):
    newest = Win.objects.filter(partnership=world.partnership).order_by("-pk").first()
    return url("index", world.partnership) + f"?before={newest.pk - 20}"


PAGES = [
    Budget("good news", 6, lambda w: Call(url("index", w.partnership))),
    Budget("good news, earlier (htmx)", 5, lambda w: Call(second_page(w), htmx=True)),
    Budget("one piece of news", 6, lambda w: Call(url("detail", w.partnership, w.win.pk))),
    Budget(
        "sharing news (htmx)",
        12,
        lambda w: Call(url("share", w.partnership), "post", {"text": "Yes!"}, htmx=True),
    ),
]


@pytest.fixture
def world(partnership, alice, bob):
    return make_world(partnership, alice, bob)


def test_every_good_news_page_keeps_its_query_budget_as_news_grows(alice_client, world):
    assert_budgets(alice_client, world, PAGES, grow)
