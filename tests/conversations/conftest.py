"""Fixtures for conversations. The prompt library itself is loaded by the app after
every migrate and test flush, so the real prompts from the data files are always there."""

import pytest
from django.urls import reverse

from trustapp.conversations import services
from trustapp.conversations.models import Prompt

ALICE_WORDS = "I feel most trusted when you ask before assuming. Secret-marker-alice-42."
BOB_WORDS = "Being on time matters more to me than I usually admit. Secret-marker-bob-17."


@pytest.fixture
def prompt(db):
    return Prompt.objects.get(slug="trust-in-one-sentence")


@pytest.fixture
def tender_prompt(db):
    return Prompt.objects.get(slug="jealousy-need-underneath")


@pytest.fixture
def conversation(partnership, alice, prompt):
    conversation, _created = services.conversation_start(
        partnership=partnership, user=alice, prompt=prompt
    )
    return conversation


@pytest.fixture
def revealed(conversation, alice, bob):
    services.answer_submit(conversation=conversation, user=alice, text=ALICE_WORDS)
    services.answer_submit(conversation=conversation, user=bob, text=BOB_WORDS)
    conversation.refresh_from_db()
    return conversation


def unlock_tender(partnership):
    for membership in partnership.member_list():
        services.tender_set(partnership=partnership, user=membership.user, on=True)


def url(name, partnership, *args):
    return reverse(f"conversations:{name}", args=[partnership.public_id, *args])
