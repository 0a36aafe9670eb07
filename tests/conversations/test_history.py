"""Past conversations with their takeaways, and query budgets that stay flat as they grow."""

import itertools
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.conversations.conftest import url
from trustapp.conversations.models import Answer, Conversation, Prompt


def make_conversations(partnership, alice, bob, count):
    """`count` talked-about conversations with both answers, plus three still open."""
    prompts = list(Prompt.objects.active().filter(topic__is_tender=False))
    now = timezone.now()
    conversations = Conversation.objects.bulk_create(
        Conversation(
            partnership=partnership,
            prompt=prompt,
            question=prompt.question,
            started_by=alice,
            started_at=now - timedelta(hours=index),
            revealed_at=now - timedelta(hours=index),
            talked_at=now - timedelta(hours=index),
            takeaway=f"Takeaway number {index}",
        )
        for index, prompt in zip(range(count), itertools.cycle(prompts), strict=False)
    )
    Answer.objects.bulk_create(
        Answer(conversation=conversation, user=user, text=f"Answer by {user.name}")
        for conversation in conversations
        for user in (alice, bob)
    )
    for prompt in prompts[:3]:
        open_one = Conversation.objects.create(
            partnership=partnership, prompt=prompt, question=prompt.question
        )
        Answer.objects.create(conversation=open_one, user=bob, text="Waiting words")


def test_past_conversations_show_their_takeaways_newest_first(
    alice_client, alice, bob, partnership
):
    make_conversations(partnership, alice, bob, 3)
    body = alice_client.get(url("history", partnership)).content.decode()
    assert body.index("Takeaway number 0") < body.index("Takeaway number 2")
    assert "Talked about on" in body
    assert "Bob answered, your turn" in body
    # Answers belong on the conversation page, never in the list.
    assert "Answer by Bob" not in body and "Waiting words" not in body


def test_past_conversations_page_on_with_htmx(alice_client, alice, bob, partnership, htmx_headers):
    make_conversations(partnership, alice, bob, 45)
    first = alice_client.get(url("history", partnership)).content.decode()
    assert "Show older conversations" in first and "?page=2" in first
    response = alice_client.get(url("history", partnership) + "?page=2", headers=htmx_headers)
    body = response.content.decode()
    assert "<html" not in body
    assert body.lstrip().startswith('<li class="card conversation-item">')
    assert "?page=3" in body


def test_an_empty_history_invites_a_first_conversation(alice_client, partnership):
    body = alice_client.get(url("history", partnership)).content.decode()
    assert "No conversations yet" in body


def test_a_page_number_that_is_not_a_number_shows_the_first_page(
    alice_client, alice, bob, partnership
):
    make_conversations(partnership, alice, bob, 2)
    response = alice_client.get(url("history", partnership) + "?page=banana")
    assert response.status_code == 200
    assert "Takeaway number 0" in response.content.decode()


@pytest.fixture(params=[10, 200], ids=["10", "200"])  # 200: every prompt talked about twice
def many(request, partnership, alice, bob):
    make_conversations(partnership, alice, bob, request.param)
    return request.param


LIST_PAGES = [
    ("history", 7),
    ("index", 11),
    ("starred", 7),
    ("hidden", 7),
]


@pytest.mark.parametrize(("name", "budget"), LIST_PAGES)
def test_list_pages_keep_a_flat_query_count(
    alice_client, partnership, many, django_assert_max_num_queries, name, budget
):
    alice_client.get(url("index", partnership))  # a warm session
    with django_assert_max_num_queries(budget):
        response = alice_client.get(url(name, partnership))
    assert response.status_code == 200


def test_a_topic_page_keeps_a_flat_query_count(
    alice_client, partnership, many, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        response = alice_client.get(url("topic", partnership, "boundaries"))
    assert response.status_code == 200


def test_the_home_card_keeps_a_flat_query_count(
    alice, partnership, many, django_assert_max_num_queries
):
    from django.template.loader import render_to_string

    from trustapp.conversations.cards import home_card

    partnership = (
        type(partnership).objects.prefetch_related("memberships__user").get(pk=partnership.pk)
    )
    with django_assert_max_num_queries(4):
        context = {
            "partnership": partnership,
            "user": alice,
            "current_partner": partnership.partner_of(alice),
            "card": home_card(partnership, alice),
        }
        card = render_to_string("conversations/_home_card.html", context)
    assert "This week’s prompt" in card
    assert "Bob answered, your turn" in card


def test_the_home_page_shows_the_conversations_card(alice_client, partnership, conversation):
    body = alice_client.get(reverse("couples:home", args=[partnership.public_id])).content.decode()
    assert "card-conversations" in body
    assert conversation.question in body
