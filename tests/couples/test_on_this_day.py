""" "On this day" on the looking-back page draws from everything the two shared: appreciations,
good news and days' questions both answered; never an unrevealed answer or the partner's
private note, and its query count stays flat."""

from datetime import UTC, date, datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.appreciations.conftest import make_appreciation
from tests.wins.conftest import make_win
from trustapp.questions import services as questions

NOW = datetime(2026, 3, 18, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def march_18():
    with time_machine.travel(NOW, tick=False):
        yield


def memories_of(client, partnership):
    response = client.get(reverse("appreciations:looking_back", args=[partnership.public_id]))
    assert response.status_code == 200
    return response.content.decode().split('id="memories-heading"')[1]


def asked(partnership, day, *answers):
    day_question = questions.question_of(partnership, day)
    for user, text in answers:
        questions.answer_save(day_question=day_question, user=user, text=text)
    return day_question


def test_it_draws_from_appreciations_good_news_and_answered_questions(
    bob_client, partnership, alice, bob
):
    make_appreciation(partnership, alice, bob, "Fixed the bike", happened_on=date(2026, 1, 18))
    make_win(
        partnership, alice, "Passed the exam", created_at=datetime(2025, 11, 18, 9, tzinfo=UTC)
    )
    asked(partnership, date(2026, 2, 18), (alice, "The sea"), (bob, "Mountains"))
    memories = memories_of(bob_client, partnership)
    assert "Fixed the bike" in memories and "From Alice to you" in memories
    assert "Passed the exam" in memories and "Good news from Alice" in memories
    assert "Alice: The sea" in memories and "You: Mountains" in memories


def test_it_keeps_what_is_not_shared_out(bob_client, partnership, alice, bob):
    make_appreciation(
        partnership, alice, bob, "Private thought", happened_on=date(2026, 2, 18), shared=False
    )
    asked(partnership, date(2026, 2, 18), (alice, "Only mine so far"))
    make_win(partnership, alice, "This month", created_at=datetime(2026, 3, 18, 9, tzinfo=UTC))
    make_win(partnership, alice, "Another day", created_at=datetime(2026, 2, 17, 9, tzinfo=UTC))
    memories = memories_of(bob_client, partnership)
    for hidden in ["Private thought", "Only mine so far", "This month", "Another day"]:
        assert hidden not in memories


def test_its_query_count_stays_flat_as_memories_grow(alice_client, partnership, alice, bob):
    def add(months):
        for month in months:
            day = date(2020 + month // 12, month % 12 + 1, 18)
            make_appreciation(partnership, alice, bob, f"Noticed {month}", happened_on=day)
            make_win(
                partnership,
                bob,
                f"News {month}",
                created_at=datetime.combine(day, datetime.min.time(), UTC).replace(hour=9),
            )
            asked(partnership, day, (alice, "a"), (bob, "b"))

    add(range(2))
    with CaptureQueriesContext(connection) as small:
        memories_of(alice_client, partnership)
    add(range(2, 40))
    with CaptureQueriesContext(connection) as large:
        memories_of(alice_client, partnership)
    assert len(large.captured_queries) == len(small.captured_queries)
