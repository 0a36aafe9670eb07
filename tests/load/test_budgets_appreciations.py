"""Appreciations: every page and htmx endpoint has a query budget that holds from ten
appreciations to a year of them. The log's first and next pages are also checked
in tests/appreciations/test_log.py; here they sit beside every other endpoint."""

from datetime import date
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.appreciations.conftest import bulk_appreciations, make_appreciation
from tests.load.budget import GROWTH, Budget, Call, assert_budgets


def url(world, name, *args):
    return reverse(f"appreciations:{name}", args=[world.partnership.public_id, *args])


def make_world(partnership, alice, bob):
    for index in range(4):
        make_appreciation(partnership, alice, bob, f"Alice noticed {index}", qualities=["kind"])
        make_appreciation(partnership, bob, alice, f"Bob noticed {index}", qualities=["honest"])
    make_appreciation(partnership, alice, bob, "A private note", shared=False)
    received = make_appreciation(partnership, bob, alice, "Tea", qualities=["kind", "present"])
    # A memory for "on this day" in the looking-back page.
    make_appreciation(partnership, bob, alice, "Soup", happened_on=same_day_earlier(), shared=True)
    written = make_appreciation(partnership, alice, bob, "Fixed the bike", qualities=["reliable"])
    return SimpleNamespace(
        partnership=partnership, alice=alice, bob=bob, received=received, written=written
    )


def same_day_earlier():
    """This day of the month in the latest earlier month that has it."""
    today = timezone.localdate()
    year, month = today.year, today.month
    while True:
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        try:
            return date(year, month, today.day)
        except ValueError:
            continue


def grow(world):
    """One a day for a year both ways, with qualities (every week of the look-back chart has
    some), and private notes."""
    bulk_appreciations(world.partnership, world.alice, world.bob, max(GROWTH, 365))
    for index in range(30):
        make_appreciation(world.partnership, world.alice, world.bob, f"Note {index}", shared=False)


def from_bob(world):
    return make_appreciation(world.partnership, world.bob, world.alice, "Fresh", qualities=["kind"])


def alices_note(world):
    return make_appreciation(world.partnership, world.alice, world.bob, "Mine", shared=False)


def next_page(world):
    today = timezone.localdate().isoformat()
    return url(world, "log") + f"?before={today}_{world.written.pk + 10_000_000}"


TODAY = timezone.localdate

PAGES = [
    Budget("log", 10, lambda w: Call(url(w, "log")), settles=True),
    Budget(
        "log filtered",
        9,
        lambda w: Call(url(w, "log") + "?by=partner&quality=kind&q=noticed"),
        settles=True,
    ),
    Budget("log, next page (htmx)", 6, lambda w: Call(next_page(w), htmx=True)),
    Budget(
        "new",
        5,
        lambda w: Call(url(w, "new") + "?text=Tea"),
    ),
    Budget("detail", 7, lambda w: Call(url(w, "detail", w.received.pk))),
    Budget("edit", 7, lambda w: Call(url(w, "edit", w.written.pk))),
    Budget("delete", 7, lambda w: Call(url(w, "delete", w.written.pk))),
    Budget("looking back chart", 10, lambda w: Call(url(w, "looking_back"))),
]

ACTIONS = [
    Budget(
        "react (htmx)",
        6,
        lambda w: Call(url(w, "react", from_bob(w).pk), "post", {"reaction": "heart"}, htmx=True),
    ),
    Budget(
        "reply (htmx)",
        10,
        lambda w: Call(url(w, "reply", from_bob(w).pk), "post", {"reply": "Thank you"}, htmx=True),
    ),
    Budget(
        "share (htmx)", 10, lambda w: Call(url(w, "share", alices_note(w).pk), "post", htmx=True)
    ),
    Budget(
        "new (form)",
        10,
        lambda w: Call(
            url(w, "new"),
            "post",
            {"text": "Called my mum", "happened_on": TODAY().isoformat(), "qualities": ["kind"]},
            status=302,
        ),
    ),
    Budget(
        "edit (form)",
        10,
        lambda w: Call(
            url(w, "edit", alices_note(w).pk),
            "post",
            {"text": "Changed", "happened_on": TODAY().isoformat(), "qualities": ["honest"]},
            status=302,
        ),
    ),
    # Deleting also lets go of good news whose answer was kept as this appreciation.
    Budget(
        "delete (form)", 8, lambda w: Call(url(w, "delete", alices_note(w).pk), "post", status=302)
    ),
]


@pytest.fixture
def world(partnership, alice, bob):
    return make_world(partnership, alice, bob)


def test_every_appreciations_page_and_action_keeps_its_query_budget_as_data_grows(
    alice_client, world
):
    assert_budgets(alice_client, world, PAGES + ACTIONS, grow)
