"""The reveal poller: cheap, tiny, and it stops once both answered, on both databases."""

import pytest

from tests.conversations.conftest import ALICE_WORDS, BOB_WORDS, url
from trustapp.conversations import services

pytestmark = pytest.mark.embedded

# The session, the person, the access check every page uses, the conversation joined to its
# answers (one query: the poll shows only who answered).
POLL_QUERIES = 4


def test_it_costs_at_most_four_queries_and_a_tiny_response(
    bob_client, partnership, conversation, alice, htmx_headers, django_assert_max_num_queries
):
    services.answer_submit(conversation=conversation, user=alice, text=ALICE_WORDS)
    bob_client.get(url("index", partnership))  # a warm session, as in real use
    with django_assert_max_num_queries(POLL_QUERIES):
        response = bob_client.get(url("status", partnership, conversation.pk), headers=htmx_headers)
    assert response.status_code == 200
    assert len(response.content) < 1000
    body = response.content.decode()
    assert "Alice answered. Your turn" in body
    assert 'hx-trigger="every 3s"' in body
    assert "?seen=01" in body


def test_it_answers_204_with_no_body_while_nothing_changed(
    alice_client, partnership, conversation, alice, htmx_headers, django_assert_max_num_queries
):
    services.answer_submit(conversation=conversation, user=alice, text=ALICE_WORDS)
    with django_assert_max_num_queries(POLL_QUERIES):
        response = alice_client.get(
            url("status", partnership, conversation.pk) + "?seen=10", headers=htmx_headers
        )
    assert response.status_code == 204
    assert response.content == b""


def test_it_sends_the_new_line_when_the_partner_answered(
    alice_client, partnership, conversation, bob, htmx_headers
):
    services.answer_submit(conversation=conversation, user=bob, text=BOB_WORDS)
    response = alice_client.get(
        url("status", partnership, conversation.pk) + "?seen=00", headers=htmx_headers
    )
    assert response.status_code == 200
    assert "Bob answered. Your turn" in response.content.decode()
    assert "Secret-marker-bob-17" not in response.content.decode()


def test_it_reloads_the_conversation_once_revealed(
    alice_client, partnership, revealed, htmx_headers, django_assert_max_num_queries
):
    with django_assert_max_num_queries(POLL_QUERIES):
        response = alice_client.get(
            url("status", partnership, revealed.pk) + "?seen=10", headers=htmx_headers
        )
    assert response.status_code == 200
    assert response["HX-Trigger"] == "conversation-changed"
    body = response.content.decode()
    # It keeps polling until they talked: an answer may still be taken back.
    assert "?seen=revealed" in body
    assert "You have both answered" in body
    assert len(response.content) < 1000


def test_it_reloads_the_partners_page_when_an_answer_is_taken_back(
    alice, bob_client, partnership, revealed, htmx_headers, django_assert_max_num_queries
):
    status = url("status", partnership, revealed.pk)
    assert bob_client.get(status + "?seen=revealed", headers=htmx_headers).status_code == 204
    services.answer_withdraw(conversation=revealed, user=alice)
    with django_assert_max_num_queries(POLL_QUERIES):
        response = bob_client.get(status + "?seen=revealed", headers=htmx_headers)
    assert response.status_code == 200
    assert response["HX-Trigger"] == "conversation-changed"
    body = response.content.decode()
    assert "You have both answered" not in body
    assert "Waiting for Alice" in body and "?seen=10" in body
    page = bob_client.get(url("conversation", partnership, revealed.pk)).content.decode()
    assert ALICE_WORDS not in page and "Waiting for Alice" in page


def test_it_answers_286_to_stop_polling_once_they_talked(
    alice_client, partnership, revealed, alice, htmx_headers
):
    services.conversation_mark_talked(conversation=revealed, user=alice)
    response = alice_client.get(
        url("status", partnership, revealed.pk) + "?seen=revealed", headers=htmx_headers
    )
    assert response.status_code == 286
    assert "every 3s" not in response.content.decode()


def test_without_htmx_it_sends_people_to_the_conversation_page(
    alice_client, partnership, conversation
):
    response = alice_client.get(url("status", partnership, conversation.pk))
    assert response.status_code == 302
    assert response["Location"] == url("conversation", partnership, conversation.pk)


def test_it_rejects_post(alice_client, partnership, conversation, htmx_headers):
    response = alice_client.post(url("status", partnership, conversation.pk), headers=htmx_headers)
    assert response.status_code == 405


def test_the_waiting_page_polls_and_offers_a_refresh_link(alice_client, partnership, conversation):
    body = alice_client.get(url("conversation", partnership, conversation.pk)).content.decode()
    assert f'hx-get="{url("status", partnership, conversation.pk)}?seen=00"' in body
    assert 'hx-trigger="every 3s"' in body
    assert f'href="{url("conversation", partnership, conversation.pk)}"' in body
    assert "Check again" in body
    # The conversation region reloads itself when the poller reports the reveal.
    assert 'hx-trigger="conversation-changed from:body"' in body


def test_a_revealed_page_polls_until_they_talked(alice_client, alice, partnership, revealed):
    body = alice_client.get(url("conversation", partnership, revealed.pk)).content.decode()
    assert "every 3s" in body and "?seen=revealed" in body
    services.conversation_mark_talked(conversation=revealed, user=alice)
    body = alice_client.get(url("conversation", partnership, revealed.pk)).content.decode()
    assert "every 3s" not in body
    assert "Check again" not in body
