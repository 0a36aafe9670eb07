"""Before the reveal, a partner's answer appears in no page and no htmx response.

Every check here reads the raw response body, so nothing hidden by CSS or left in an
attribute could slip through.
"""

import pytest
from django.urls import reverse

from tests.conversations.conftest import ALICE_WORDS, BOB_WORDS, url
from trustapp.conversations import services

MARKER = "Secret-marker-alice-42"


@pytest.fixture
def alice_answered(conversation, alice):
    services.answer_submit(conversation=conversation, user=alice, text=ALICE_WORDS)
    return conversation


def bodies_bob_can_fetch(bob_client, partnership, conversation, htmx_headers):
    pid = partnership.public_id
    pages = [
        reverse("couples:home", args=[pid]),
        url("index", partnership),
        url("history", partnership),
        url("history", partnership) + "?page=1",
        url("prompt", partnership, conversation.prompt.slug),
        url("topic", partnership, conversation.prompt.topic.slug),
        url("conversation", partnership, conversation.pk),
    ]
    for page in pages:
        yield page, bob_client.get(page)
        yield page + " (htmx)", bob_client.get(page, headers=htmx_headers)
    status = url("status", partnership, conversation.pk)
    yield "status", bob_client.get(status, headers=htmx_headers)
    yield "status seen", bob_client.get(status + "?seen=00", headers=htmx_headers)
    answer = url("answer", partnership, conversation.pk)
    yield "empty answer", bob_client.post(answer, {"text": ""})
    yield "empty answer (htmx)", bob_client.post(answer, {"text": ""}, headers=htmx_headers)
    yield "too long", bob_client.post(answer, {"text": "x" * 6000}, headers=htmx_headers)
    yield (
        "talked too early",
        bob_client.post(
            url("talked", partnership, conversation.pk), {"takeaway": ""}, headers=htmx_headers
        ),
    )
    yield (
        "withdraw too early",
        bob_client.post(url("withdraw", partnership, conversation.pk), headers=htmx_headers),
    )


def test_alices_answer_is_in_no_response_bob_can_get_before_he_answers(
    bob_client, partnership, alice_answered, htmx_headers
):
    seen = 0
    for label, response in bodies_bob_can_fetch(
        bob_client, partnership, alice_answered, htmx_headers
    ):
        assert response.status_code < 500, label
        assert MARKER not in response.content.decode(), label
        seen += 1
    assert seen > 15


def test_bobs_page_says_alice_answered_without_her_words(bob_client, partnership, alice_answered):
    body = bob_client.get(url("conversation", partnership, alice_answered.pk)).content.decode()
    assert "Alice answered. Your turn" in body
    assert MARKER not in body


def test_bob_choosing_to_just_talk_still_never_sees_alices_words(
    bob_client, partnership, alice_answered, htmx_headers
):
    response = bob_client.post(
        url("answer", partnership, alice_answered.pk), {"just_talk": "1"}, headers=htmx_headers
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert MARKER not in body
    assert "stays with Alice" in body
    full = bob_client.get(url("conversation", partnership, alice_answered.pk)).content.decode()
    assert MARKER not in full


def test_alice_waiting_never_sees_a_draft_of_bobs(
    alice_client, partnership, alice_answered, htmx_headers
):
    # Bob's answer exists only once he submits, and that is the reveal itself.
    body = alice_client.get(url("conversation", partnership, alice_answered.pk)).content.decode()
    assert "Waiting for Bob" in body
    assert BOB_WORDS not in body
    assert MARKER in body  # her own answer is hers to see


def test_both_answers_show_after_the_reveal(alice_client, bob_client, partnership, alice_answered):
    bob_client.post(url("answer", partnership, alice_answered.pk), {"text": BOB_WORDS})
    for client in (alice_client, bob_client):
        body = client.get(url("conversation", partnership, alice_answered.pk)).content.decode()
        assert MARKER in body and "Secret-marker-bob-17" in body


def test_a_withdrawn_answer_disappears_for_the_partner(
    alice_client, bob_client, partnership, alice_answered
):
    bob_client.post(url("answer", partnership, alice_answered.pk), {"text": BOB_WORDS})
    alice_client.post(url("withdraw", partnership, alice_answered.pk))
    body = bob_client.get(url("conversation", partnership, alice_answered.pk)).content.decode()
    assert MARKER not in body
    assert "Alice took this answer back" in body
