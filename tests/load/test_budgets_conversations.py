"""Conversations: every page and htmx endpoint, including the status line the waiting page
polls every few seconds, has a query budget that holds from ten conversations to more than
a hundred. (tests/conversations/test_status.py keeps the poll at four queries with one
conversation; here it is measured beside a hundred.)"""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from tests.conversations.conftest import ALICE_WORDS, BOB_WORDS, url
from tests.load.budget import GROWTH, Budget, Call, assert_budgets
from trustapp.conversations import services
from trustapp.conversations.models import Answer, Conversation, Prompt, PromptChoice


def make_world(partnership, alice, bob):
    prompt = Prompt.objects.get(slug="trust-in-one-sentence")
    prompts = list(Prompt.objects.active().filter(topic__is_tender=False).exclude(pk=prompt.pk))
    talked = []
    for other in prompts[:6]:
        conversation, _created = services.conversation_start(
            partnership=partnership, user=bob, prompt=other
        )
        services.answer_submit(conversation=conversation, user=alice, text=ALICE_WORDS)
        services.answer_submit(conversation=conversation, user=bob, text=BOB_WORDS)
        talked.append(
            services.conversation_mark_talked(
                conversation=conversation, user=alice, takeaway="We ask first."
            )
        )
    waiting, _created = services.conversation_start(
        partnership=partnership, user=alice, prompt=prompt
    )
    services.answer_submit(conversation=waiting, user=alice, text=ALICE_WORDS)
    revealed, _created = services.conversation_start(
        partnership=partnership, user=alice, prompt=prompts[6]
    )
    services.answer_submit(conversation=revealed, user=alice, text=ALICE_WORDS)
    services.answer_submit(conversation=revealed, user=bob, text=BOB_WORDS)
    for choice in prompts[7:9]:
        services.prompt_choose(partnership=partnership, user=alice, prompt=choice, starred=True)
    services.prompt_choose(partnership=partnership, user=alice, prompt=prompts[9], hidden=True)
    return SimpleNamespace(
        partnership=partnership,
        alice=alice,
        bob=bob,
        prompt=prompt,
        prompts=prompts,
        waiting=waiting,
        revealed=revealed,
        talked=talked[0],
    )


def grow(world):
    """A hundred conversations talked about, each with both answers; stars and hides on
    most of the library."""
    partnership, alice, bob = world.partnership, world.alice, world.bob
    now = timezone.now()
    conversations = Conversation.objects.bulk_create(
        Conversation(
            partnership=partnership,
            prompt=world.prompts[index % len(world.prompts)],
            question="An older question",
            started_by=alice,
            started_at=now - timedelta(days=index + 1),
            revealed_at=now - timedelta(days=index),
            talked_at=now - timedelta(days=index),
            takeaway="Something we keep.",
        )
        for index in range(GROWTH)
    )
    Answer.objects.bulk_create(
        Answer(conversation=conversation, user=user, text="Words")
        for conversation in conversations
        for user in (alice, bob)
    )
    for prompt in world.prompts[10:40]:
        services.prompt_choose(partnership=partnership, user=alice, prompt=prompt, starred=True)
    for prompt in world.prompts[40:45]:
        services.prompt_choose(partnership=partnership, user=alice, prompt=prompt, hidden=True)


def free_prompt(world):
    """A prompt with no open conversation, that Alice has neither starred nor hidden."""
    started = Conversation.objects.filter(partnership=world.partnership, talked_at__isnull=True)
    chosen = PromptChoice.objects.filter(partnership=world.partnership)
    return (
        Prompt.objects.active()
        .filter(topic__is_tender=False)
        .exclude(pk__in=started.values("prompt"))
        .exclude(pk__in=chosen.values("prompt"))
        .first()
    )


def fresh_waiting(world):
    """An open conversation Bob just started."""
    conversation, _created = services.conversation_start(
        partnership=world.partnership, user=world.bob, prompt=free_prompt(world)
    )
    return conversation


def fresh_revealed(world):
    conversation = fresh_waiting(world)
    services.answer_submit(conversation=conversation, user=world.alice, text=ALICE_WORDS)
    services.answer_submit(conversation=conversation, user=world.bob, text=BOB_WORDS)
    return conversation


def fresh_talked(world):
    conversation = fresh_revealed(world)
    return services.conversation_mark_talked(
        conversation=conversation, user=world.bob, takeaway="First words."
    )


def unstarted_prompt(world):
    return free_prompt(world).slug


PAGES = [
    Budget("index", 8, lambda w: Call(url("index", w.partnership))),
    Budget("draw a prompt", 6, lambda w: Call(url("draw", w.partnership), status=302)),
    Budget("tender topics", 8, lambda w: Call(url("tender", w.partnership))),
    Budget("starred", 7, lambda w: Call(url("starred", w.partnership))),
    Budget("hidden", 7, lambda w: Call(url("hidden", w.partnership))),
    Budget("history", 7, lambda w: Call(url("history", w.partnership))),
    Budget(
        "history, next page (htmx)",
        5,
        lambda w: Call(url("history", w.partnership) + "?page=2", htmx=True),
    ),
    Budget("topic", 8, lambda w: Call(url("topic", w.partnership, w.prompt.topic.slug))),
    Budget("prompt", 9, lambda w: Call(url("prompt", w.partnership, w.prompt.slug))),
    Budget(
        "conversation, waiting for Bob",
        8,
        lambda w: Call(url("conversation", w.partnership, w.waiting.pk)),
    ),
    Budget(
        "conversation, revealed",
        9,
        lambda w: Call(url("conversation", w.partnership, w.revealed.pk)),
    ),
    Budget(
        "conversation, talked about",
        8,
        lambda w: Call(url("conversation", w.partnership, w.talked.pk)),
    ),
    # The polls use the access check every page uses, then read the conversation joined to
    # its answers in one query (it was two: the conversation, then its answers).
    Budget(
        "status poll, nothing new (htmx)",
        4,
        lambda w: Call(
            url("status", w.partnership, w.waiting.pk) + "?seen=10", htmx=True, status=204
        ),
    ),
    Budget(
        "status poll, something new (htmx)",
        4,
        lambda w: Call(url("status", w.partnership, w.waiting.pk) + "?seen=00", htmx=True),
    ),
]

ACTIONS = [
    Budget(
        "star (htmx)",
        12,
        lambda w: Call(
            url("star", w.partnership, unstarted_prompt(w)), "post", {"starred": "1"}, htmx=True
        ),
    ),
    Budget(
        "hide (htmx)",
        12,
        lambda w: Call(
            url("hide", w.partnership, unstarted_prompt(w)), "post", {"hidden": "1"}, htmx=True
        ),
    ),
    Budget(
        "start (form)",
        9,
        lambda w: Call(url("start", w.partnership, unstarted_prompt(w)), "post", status=302),
    ),
    Budget(
        "answer (htmx)",
        18,
        lambda w: Call(
            url("answer", w.partnership, fresh_waiting(w).pk),
            "post",
            {"text": "My words"},
            htmx=True,
        ),
    ),
    Budget(
        "take an answer back (htmx)",
        12,  # it locks the conversation and opens it again: two statements more than before
        lambda w: Call(url("withdraw", w.partnership, fresh_revealed(w).pk), "post", htmx=True),
    ),
    Budget(
        "we talked about it (htmx)",
        8,
        lambda w: Call(
            url("talked", w.partnership, fresh_revealed(w).pk),
            "post",
            {"takeaway": "We ask first."},
            htmx=True,
        ),
    ),
    Budget(
        "change the takeaway (htmx)",
        9,
        lambda w: Call(
            url("takeaway", w.partnership, (c := fresh_talked(w)).pk),
            "post",
            {"takeaway": "Better words.", "version": c.takeaway_version},
            htmx=True,
        ),
    ),
    Budget(
        "tender topics on (form)",
        5,
        lambda w: Call(url("tender", w.partnership), "post", {"on": "1"}, status=302),
    ),
]


@pytest.fixture
def world(partnership, alice, bob):
    return make_world(partnership, alice, bob)


def test_every_conversations_page_and_action_keeps_its_query_budget_as_data_grows(
    alice_client, world
):
    assert_budgets(alice_client, world, PAGES + ACTIONS, grow)
