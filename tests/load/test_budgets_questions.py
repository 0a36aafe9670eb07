"""Today's question: every page and htmx endpoint, the poll included, keeps its query
budget from ten days to thousands of days (more than five years of daily answers)."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from tests.load.budget import Budget, Call, assert_budgets
from tests.questions.conftest import ALICE_WORDS, BOB_WORDS, url
from trustapp.questions import services
from trustapp.questions.models import Answer, DayQuestion, Question

DAYS_GROWTH = 2000


def make_world(partnership, alice, bob):
    today = services.today_question(partnership)
    for back in range(1, 10):
        day_question = services.question_of(partnership, today.day - timedelta(days=back))
        services.answer_save(day_question=day_question, user=alice, text=ALICE_WORDS)
        services.answer_save(day_question=day_question, user=bob, text=BOB_WORDS)
    return SimpleNamespace(
        partnership=partnership, alice=alice, bob=bob, today=today, day=today.day.isoformat()
    )


def grow(world):
    """Thousands of earlier days, each answered by both."""
    questions = list(Question.objects.values_list("pk", flat=True))
    oldest = DayQuestion.objects.filter(partnership=world.partnership).order_by("day").first()
    now = timezone.now()
    days = DayQuestion.objects.bulk_create(
        DayQuestion(
            partnership=world.partnership,
            day=oldest.day - timedelta(days=index + 1),
            question_id=questions[index % len(questions)],
            texts={"en": "An earlier question?"},
            revealed_at=now,
        )
        for index in range(DAYS_GROWTH)
    )
    Answer.objects.bulk_create(
        Answer(day_question=day, user=user, text="Words")
        for day in days
        for user in (world.alice, world.bob)
    )


def waiting_day(world):
    """A day only Bob answered, one further back each time."""
    oldest = DayQuestion.objects.filter(partnership=world.partnership).order_by("day").first()
    day_question = services.question_of(world.partnership, oldest.day - timedelta(days=1))
    services.answer_save(day_question=day_question, user=world.bob, text=BOB_WORDS)
    return day_question.day.isoformat()


PAGES = [
    Budget("today", 7, lambda w: Call(url("today", w.partnership))),
    Budget("a day", 7, lambda w: Call(url("day", w.partnership, w.day))),
    Budget("earlier days", 8, lambda w: Call(url("past", w.partnership))),
    Budget(
        "earlier days, next page (htmx)",
        6,
        lambda w: Call(url("past", w.partnership) + "?page=2", htmx=True),
    ),
    Budget(
        "poll, nothing new (htmx)",
        5,
        lambda w: Call(url("status", w.partnership, w.day) + "?seen=00", htmx=True, status=204),
    ),
    Budget(
        "poll, something new (htmx)",
        5,
        lambda w: Call(url("status", w.partnership, w.day) + "?seen=11", htmx=True),
    ),
    Budget("home of the space", 17, lambda w: Call(w.partnership.get_absolute_url())),
]

ACTIONS = [
    Budget(
        "answer, revealing (htmx)",
        16,
        lambda w: Call(
            url("answer", w.partnership, waiting_day(w)), "post", {"text": "Mine"}, htmx=True
        ),
    ),
]


@pytest.fixture
def world(partnership, alice, bob):
    return make_world(partnership, alice, bob)


def test_every_question_page_and_action_keeps_its_query_budget_as_days_grow(alice_client, world):
    assert_budgets(alice_client, world, PAGES + ACTIONS, grow)
