"""Who may reach what: outsiders get 404 everywhere, a former partner reads but never
writes, and the tender deck stays out of reach until both partners opted in."""

import pytest

from tests.conversations.conftest import ALICE_WORDS, unlock_tender, url
from trustapp.conversations import services
from trustapp.conversations.models import Conversation
from trustapp.couples.services import partnership_leave

READ_URLS = [
    ("index", ()),
    ("draw", ()),
    ("tender", ()),
    ("starred", ()),
    ("hidden", ()),
    ("history", ()),
    ("topic", ("what-trust-means",)),
    ("prompt", ("trust-in-one-sentence",)),
    ("conversation", ("CONVERSATION",)),
    ("status", ("CONVERSATION",)),
]
WRITE_URLS = [
    ("tender", (), {"on": "1"}),
    ("start", ("trust-in-one-sentence",), {}),
    ("star", ("trust-in-one-sentence",), {"starred": "1"}),
    ("hide", ("trust-in-one-sentence",), {"hidden": "1"}),
    ("answer", ("CONVERSATION",), {"text": "Hello"}),
    ("withdraw", ("CONVERSATION",), {}),
    ("talked", ("CONVERSATION",), {}),
    ("takeaway", ("CONVERSATION",), {"takeaway": "x", "version": "0"}),
]


def _args(args, conversation):
    return [conversation.pk if arg == "CONVERSATION" else arg for arg in args]


@pytest.mark.parametrize(("name", "args"), READ_URLS)
def test_an_outsider_gets_404_on_every_page(
    carol_client, other_partnership, partnership, conversation, htmx_headers, name, args
):
    response = carol_client.get(
        url(name, partnership, *_args(args, conversation)), headers=htmx_headers
    )
    assert response.status_code == 404


@pytest.mark.parametrize(("name", "args", "data"), WRITE_URLS)
def test_an_outsider_gets_404_on_every_action(
    carol_client, other_partnership, partnership, conversation, name, args, data
):
    response = carol_client.post(url(name, partnership, *_args(args, conversation)), data)
    assert response.status_code == 404


def test_an_outsider_cannot_reach_a_conversation_through_their_own_space(
    carol_client, other_partnership, conversation, htmx_headers
):
    for name in ("conversation", "status"):
        response = carol_client.get(
            url(name, other_partnership, conversation.pk), headers=htmx_headers
        )
        assert response.status_code == 404


def test_signed_out_visitors_are_sent_to_sign_in(client, partnership, conversation):
    for name, args in READ_URLS:
        response = client.get(url(name, partnership, *_args(args, conversation)))
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


@pytest.fixture
def archived(partnership, conversation, alice, bob):
    services.answer_submit(conversation=conversation, user=alice, text=ALICE_WORDS)
    partnership_leave(partnership=partnership, user=bob)
    partnership.refresh_from_db()
    return partnership


@pytest.mark.parametrize(("name", "args"), [u for u in READ_URLS if u[0] not in {"status", "draw"}])
def test_a_former_partner_can_still_read(bob_client, archived, conversation, name, args):
    response = bob_client.get(url(name, archived, *_args(args, conversation)))
    assert response.status_code == 200


@pytest.mark.parametrize(("name", "args", "data"), WRITE_URLS)
def test_a_former_partner_cannot_write(bob_client, archived, conversation, name, args, data):
    response = bob_client.post(url(name, archived, *_args(args, conversation)), data)
    assert response.status_code == 403
    assert b"read-only archive" in response.content
    assert not conversation.answers.filter(user__email="bob@example.com").exists()


def test_an_archived_conversation_offers_no_forms(bob_client, archived, conversation):
    body = bob_client.get(url("conversation", archived, conversation.pk)).content.decode()
    assert "read-only archive" in body
    assert url("answer", archived, conversation.pk) not in body
    assert 'hx-trigger="every 3s"' not in body
    assert ALICE_WORDS not in body


TENDER_SLUG = "jealousy-need-underneath"


def test_a_tender_prompt_is_404_until_both_opted_in(alice_client, alice, partnership):
    services.tender_set(partnership=partnership, user=alice, on=True)
    assert alice_client.get(url("prompt", partnership, TENDER_SLUG)).status_code == 404
    assert alice_client.post(url("start", partnership, TENDER_SLUG)).status_code == 404
    assert not Conversation.objects.exists()


def test_a_tender_topic_shows_no_prompts_until_both_opted_in(alice_client, partnership):
    response = alice_client.get(url("topic", partnership, "jealousy"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "What does jealousy feel like" not in body
    assert url("tender", partnership) in body


def test_drawing_at_tender_depth_is_refused_until_both_opted_in(alice_client, partnership):
    response = alice_client.get(url("draw", partnership) + "?depth=tender")
    assert response.status_code == 302
    assert response["Location"] == url("index", partnership)


def test_the_tender_deck_opens_once_both_opted_in(alice_client, partnership):
    unlock_tender(partnership)
    assert alice_client.get(url("prompt", partnership, TENDER_SLUG)).status_code == 200
    body = alice_client.get(url("topic", partnership, "jealousy")).content.decode()
    assert "What does jealousy feel like" in body
    response = alice_client.get(url("draw", partnership) + "?depth=tender")
    assert "/prompts/" in response["Location"]


def test_the_tender_deck_closes_again_when_one_partner_turns_it_off(bob_client, bob, partnership):
    unlock_tender(partnership)
    bob_client.post(url("tender", partnership), {"on": "0"})
    assert bob_client.get(url("prompt", partnership, TENDER_SLUG)).status_code == 404


def test_starred_and_hidden_lists_leave_out_a_closed_tender_deck(
    alice_client, alice, partnership, tender_prompt
):
    unlock_tender(partnership)
    services.prompt_choose(partnership=partnership, user=alice, prompt=tender_prompt, starred=True)
    services.tender_set(partnership=partnership, user=alice, on=False)
    body = alice_client.get(url("starred", partnership)).content.decode()
    assert tender_prompt.question not in body
