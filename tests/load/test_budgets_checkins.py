"""Check-ins: every page and htmx endpoint, including the answers region the page polls
while waiting for the partner, has a query budget that holds from ten check-ins to more
than a hundred (with their answers, topics and small steps), and so does changing or
removing a topic or a step."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from tests.appreciations.conftest import make_appreciation
from tests.checkins.support import ANSWER_POST, action_point, answer, open_checkin, url
from tests.load.budget import GROWTH, Budget, Call, assert_budgets
from tests.load.test_budgets_appreciations import grow as grow_appreciations
from trustapp.appreciations.models import Appreciation
from trustapp.checkins import services
from trustapp.checkins.models import ActionPoint, AgendaItem, Answer, CheckIn


def make_world(partnership, alice, bob):
    now = timezone.now()
    for week in range(8, 0, -1):
        opened = now - timedelta(days=7 * week)
        checkin = open_checkin(partnership, opened_at=opened, closed_at=opened)
        answer(checkin, alice)
        answer(checkin, bob, connected=3)
        action_point(checkin, owner=alice)
        action_point(checkin, done_at=opened)
    services.agenda_add(partnership=partnership, user=bob, text="The holidays")
    # What the look-back shows: appreciations since last week's check-in.
    for text in ("Made soup", "Called the plumber"):
        make_appreciation(partnership, bob, alice, text, shared_at=now - timedelta(days=2))
    world = SimpleNamespace(partnership=partnership, alice=alice, bob=bob, previous=checkin)
    current(world)
    return world


def current(world):
    """This week's check-in, open, answered by Alice and not yet by Bob (so it polls)."""
    checkin = services.checkin_start(partnership=world.partnership)
    if not checkin.answers.exists():
        answer(checkin, world.alice)
        # Something to look back on since the check-in before it.
        make_appreciation(world.partnership, world.bob, world.alice, "Made soup")
    return checkin


def grow(world):
    """A hundred past check-ins, both answered; a hundred topics and steps; and a year of
    appreciations, which the look-back shows."""
    partnership, alice, bob = world.partnership, world.alice, world.bob
    now = timezone.now()
    checkins = CheckIn.objects.bulk_create(
        CheckIn(
            partnership=partnership,
            opened_at=now - timedelta(days=60 + index),
            closed_at=now - timedelta(days=60 + index),
        )
        for index in range(GROWTH)
    )
    Answer.objects.bulk_create(
        Answer(checkin=checkin, author=user, connected=index % 5 + 1, trusted=3)
        for index, checkin in enumerate(checkins)
        for user in (alice, bob)
    )
    ActionPoint.objects.bulk_create(
        ActionPoint(checkin=checkin, text="A step", owner=alice) for checkin in checkins
    )
    ActionPoint.objects.bulk_create(
        ActionPoint(checkin=world.previous, text=f"Step {index}", for_both=True)
        for index in range(GROWTH)
    )
    AgendaItem.objects.bulk_create(
        AgendaItem(
            partnership=partnership,
            added_by=bob,
            text=f"Topic {index}",
            talked_about_at=checkins[index].opened_at if index % 2 else None,
            talked_about_in=checkins[index] if index % 2 else None,
        )
        for index in range(GROWTH)
    )
    grow_appreciations(world)
    # Written over the past year, long before last week's check-in.
    Appreciation.objects.filter(partnership=partnership, shared_at__gt=now).update(
        shared_at=now - timedelta(days=200)
    )


def fresh_agenda_item(world):
    return services.agenda_add(partnership=world.partnership, user=world.bob, text="Money")


def fresh_step(world):
    return action_point(current(world), owner=world.alice)


def checkin_url(name, world, *args):
    return url(name, world.partnership, *args)


def topic_url(name, world):
    """A fresh topic, changed or removed from this week's check-in."""
    return checkin_url(name, world, current(world).pk, fresh_agenda_item(world).pk)


def step_url(name, world):
    step = fresh_step(world)
    return checkin_url(name, world, step.checkin_id, step.pk)


STEP_POST = {"text": "A longer walk", "owner_choice": "both", "version": "1"}


PAGES = [
    Budget("current", 5, lambda w: Call(checkin_url("current", w), status=302)),
    # The check-in with the one before it in one query, both their small steps in one, and
    # the people from the members the access check loaded: no join or query for them.
    # The rhythm (when the next is due) comes with the check-in, in the same query.
    Budget("this week's check-in", 13, lambda w: Call(current(w).get_absolute_url())),
    Budget("last week's check-in", 13, lambda w: Call(w.previous.get_absolute_url())),
    # The access check every page uses, then the check-in and who answered it.
    Budget(
        "answers poll, nothing new (htmx)",
        5,
        lambda w: Call(
            checkin_url("answers", w, current(w).pk) + "?seen=waiting", htmx=True, status=204
        ),
    ),
    Budget(
        "answers poll (htmx)",
        5,
        lambda w: Call(checkin_url("answers", w, current(w).pk), htmx=True),
    ),
    Budget("history", 7, lambda w: Call(checkin_url("history", w))),
    Budget(
        "history, next page (htmx)",
        5,
        lambda w: Call(checkin_url("history", w) + "?page=2", htmx=True),
    ),
    # The total of revealed check-ins comes with the averages, not from a count of its own.
    Budget("trend", 7, lambda w: Call(checkin_url("trend", w))),
    Budget("rhythm", 6, lambda w: Call(checkin_url("schedule", w))),
]

ACTIONS = [
    Budget(
        "change my answer (htmx)",
        18,
        lambda w: Call(checkin_url("answer", w, current(w).pk), "post", ANSWER_POST, htmx=True),
    ),
    Budget(
        "add a topic (htmx)",
        7,
        lambda w: Call(
            checkin_url("agenda_add", w, current(w).pk), "post", {"text": "Money"}, htmx=True
        ),
    ),
    Budget(
        "tick a topic off (htmx)",
        8,
        lambda w: Call(
            checkin_url("agenda_talked", w, fresh_agenda_item(w).pk),
            "post",
            {"talked": "1"},
            htmx=True,
        ),
    ),
    Budget(
        "add a step (htmx)",
        6,
        lambda w: Call(
            checkin_url("action_add", w, current(w).pk),
            "post",
            {"text": "A walk", "owner_choice": "both"},
            htmx=True,
        ),
    ),
    Budget(
        "mark a step done (htmx)",
        6,
        lambda w: Call(
            checkin_url("action_done", w, fresh_step(w).pk), "post", {"done": "1"}, htmx=True
        ),
    ),
    Budget(
        "open a topic to change it (htmx)",
        7,
        lambda w: Call(topic_url("agenda_edit", w), htmx=True),
    ),
    Budget(
        "change a topic (htmx)",
        11,
        lambda w: Call(
            topic_url("agenda_edit", w),
            "post",
            {"text": "Money matters", "version": "1"},
            htmx=True,
        ),
    ),
    Budget(
        "ask before removing a topic (htmx)",
        7,
        lambda w: Call(topic_url("agenda_remove", w), htmx=True),
    ),
    Budget(
        # One of them clears a hard moment's link to the topic (repair, SET_NULL).
        "remove a topic (htmx)",
        12,
        lambda w: Call(topic_url("agenda_remove", w), "post", {"version": "1"}, htmx=True),
    ),
    Budget(
        "open a step to change it (htmx)",
        6,
        lambda w: Call(step_url("action_edit", w), htmx=True),
    ),
    Budget(
        "change a step (htmx)",
        10,
        lambda w: Call(step_url("action_edit", w), "post", STEP_POST, htmx=True),
    ),
    Budget(
        "change a step (form)",
        9,
        lambda w: Call(step_url("action_edit", w), "post", STEP_POST, status=302),
    ),
    Budget(
        "remove a step (htmx)",
        10,
        lambda w: Call(step_url("action_remove", w), "post", {"version": "1"}, htmx=True),
    ),
    Budget(
        "change the rhythm (form)",
        10,
        lambda w: Call(checkin_url("schedule", w), "post", {"cadence": "fortnightly"}, status=302),
    ),
    Budget(
        "start a check-in now (form)",
        7,
        lambda w: Call(checkin_url("start", w), "post", status=302),
    ),
    # Last: it closes this week's check-in; the next request opens a fresh one.
    Budget(
        "finish (form)",
        6,
        lambda w: Call(checkin_url("finish", w, current(w).pk), "post", status=302),
    ),
]


@pytest.fixture
def world(partnership, alice, bob):
    return make_world(partnership, alice, bob)


def test_every_checkins_page_and_action_keeps_its_query_budget_as_data_grows(alice_client, world):
    assert_budgets(alice_client, world, PAGES + ACTIONS, grow)
