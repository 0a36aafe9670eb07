"""Fixtures for today's question. The library is loaded by the app after every migrate
and test flush, so the real questions from the data files are always there."""

import pytest
from django.urls import reverse

from trustapp.questions import services

ALICE_WORDS = "Cinnamon rolls (alice-secret-31)"
BOB_WORDS = "The sea at dawn (bob-secret-58)"


def url(name, partnership, *args):
    return reverse(f"questions:{name}", args=[partnership.public_id, *args])


def day_url(name, day_question):
    return url(name, day_question.partnership, day_question.day.isoformat())


@pytest.fixture
def today(partnership):
    return services.today_question(partnership)


@pytest.fixture
def revealed(today, alice, bob):
    services.answer_save(day_question=today, user=alice, text=ALICE_WORDS)
    services.answer_save(day_question=today, user=bob, text=BOB_WORDS)
    today.refresh_from_db()
    return today
