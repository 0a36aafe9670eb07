"""Alice and Bob's space filled with a little of everything, each piece of writing marked
so a test can tell exactly whose words reached which file."""

from datetime import date
from types import SimpleNamespace

import pytest
from django.core import mail

from trustapp.agreements import services as agreements
from trustapp.agreements.models import Category
from trustapp.appreciations import services as appreciations
from trustapp.checkins.models import ActionPoint, AgendaItem, Answer, CheckIn
from trustapp.conversations import services as conversations
from trustapp.conversations.models import Prompt
from trustapp.notifications.services import preference_save

# What each of them wrote, shared with the other.
ALICE_SHARED = [
    "alice-agreement-text",
    "alice-appreciation-shared",
    "alice-answer-revealed",
    "alice-checkin-revealed",
    "alice-agenda-item",
]
BOB_SHARED = [
    "bob-consent-note",
    "bob-comment",
    "bob-boundary",
    "bob-appreciation-shared",
    "bob-reply",
    "bob-answer-revealed",
    "bob-checkin-revealed",
    "bob-small-step",
]
# Never shared: only its author may ever see these.
ALICE_PRIVATE = ["alice-private-note", "alice-answer-unrevealed", "alice-checkin-unrevealed"]
BOB_PRIVATE = ["bob-private-note", "bob-answer-unrevealed", "bob-checkin-unrevealed"]


def _checkin_answer(checkin, author, words):
    return Answer.objects.create(
        checkin=checkin, author=author, connected=4, trusted=3, went_well=words
    )


def fill(partnership, alice, bob):
    """Write the marked data into `partnership` through the features' own services."""
    category = Category.objects.first()
    agreement = agreements.agreement_propose(
        partnership=partnership,
        author=alice,
        title="Phones away at dinner",
        text="alice-agreement-text",
        category=category,
    )
    agreements.agreement_consent(
        agreement=agreement, user=bob, revision_id=agreement.pending_revision_id
    )
    agreement.refresh_from_db()
    agreement.revisions.get().consents.filter(user=bob).update(note="bob-consent-note")
    agreements.comment_add(agreement=agreement, author=bob, text="bob-comment")
    boundary = agreements.boundary_state(partnership=partnership, owner=bob, text="bob-boundary")
    agreements.boundary_acknowledge(
        boundary=boundary, user=alice, revision_id=boundary.current_revision_id
    )

    shared = appreciations.appreciation_create(
        partnership=partnership,
        author=alice,
        text="alice-appreciation-shared",
        happened_on=date(2026, 3, 1),
        qualities=["kind"],
    )
    appreciations.appreciation_reply(appreciation=shared, user=bob, text="bob-reply")
    appreciations.appreciation_create(
        partnership=partnership,
        author=bob,
        text="bob-appreciation-shared",
        happened_on=date(2026, 3, 2),
    )
    for author, words in ((alice, "alice-private-note"), (bob, "bob-private-note")):
        appreciations.appreciation_create(
            partnership=partnership,
            author=author,
            text=words,
            happened_on=date(2026, 3, 3),
            share=False,
        )

    prompts = list(Prompt.objects.active().filter(topic__is_tender=False)[:3])
    revealed, _ = conversations.conversation_start(
        partnership=partnership, user=alice, prompt=prompts[0]
    )
    conversations.answer_submit(conversation=revealed, user=alice, text="alice-answer-revealed")
    conversations.answer_submit(conversation=revealed, user=bob, text="bob-answer-revealed")
    bobs_turn, _ = conversations.conversation_start(
        partnership=partnership, user=alice, prompt=prompts[1]
    )
    conversations.answer_submit(conversation=bobs_turn, user=alice, text="alice-answer-unrevealed")
    alices_turn, _ = conversations.conversation_start(
        partnership=partnership, user=bob, prompt=prompts[2]
    )
    conversations.answer_submit(conversation=alices_turn, user=bob, text="bob-answer-unrevealed")

    past = CheckIn.objects.create(partnership=partnership)
    _checkin_answer(past, alice, "alice-checkin-revealed")
    _checkin_answer(past, bob, "bob-checkin-revealed")
    ActionPoint.objects.create(checkin=past, text="bob-small-step", for_both=True, added_by=bob)
    past.closed_at = past.opened_at
    past.save(update_fields=["closed_at"])
    current = CheckIn.objects.create(partnership=partnership)
    _checkin_answer(current, bob, "bob-checkin-unrevealed")
    other = CheckIn.objects.create(partnership=partnership, closed_at=past.opened_at)
    _checkin_answer(other, alice, "alice-checkin-unrevealed")
    AgendaItem.objects.create(partnership=partnership, added_by=alice, text="alice-agenda-item")

    preference_save(user=alice, cadence="weekly")
    mail.outbox.clear()
    return SimpleNamespace(agreement=agreement, boundary=boundary, revealed=revealed)


@pytest.fixture
def filled(partnership, alice, bob):
    return fill(partnership, alice, bob)
