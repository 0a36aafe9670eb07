"""The conversation page and what partners do on it: answer, take back, talk, takeaway."""

import pytest

from tests.conversations.conftest import ALICE_WORDS, BOB_WORDS, url
from trustapp.conversations import services
from trustapp.conversations.models import Answer, Conversation


def test_starting_a_prompt_creates_a_conversation_and_redirects_to_it(
    alice_client, partnership, prompt
):
    response = alice_client.post(url("start", partnership, prompt.slug))
    conversation = Conversation.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("conversation", partnership, conversation.pk)
    assert conversation.question == prompt.question


def test_starting_an_open_prompt_again_joins_it(bob_client, partnership, conversation):
    response = bob_client.post(url("start", partnership, conversation.prompt.slug))
    assert response["Location"] == url("conversation", partnership, conversation.pk)
    assert Conversation.objects.count() == 1


def test_starting_rejects_get(alice_client, partnership, prompt):
    assert alice_client.get(url("start", partnership, prompt.slug)).status_code == 405


def test_starting_an_unknown_prompt_is_404(alice_client, partnership):
    assert alice_client.post(url("start", partnership, "no-such-prompt")).status_code == 404


def test_the_page_shows_the_question_the_note_and_an_answer_form(
    alice_client, partnership, conversation
):
    response = alice_client.get(url("conversation", partnership, conversation.pk))
    assert response.status_code == 200
    body = response.content.decode()
    assert conversation.question in body
    assert conversation.prompt.note in body
    assert "Let’s just talk" in body
    assert url("answer", partnership, conversation.pk) in body


def test_the_page_is_a_partial_for_htmx(alice_client, partnership, conversation, htmx_headers):
    response = alice_client.get(
        url("conversation", partnership, conversation.pk), headers=htmx_headers
    )
    body = response.content.decode()
    assert body.lstrip().startswith('<div id="conversation"')
    assert "<html" not in body


def test_the_page_for_a_missing_conversation_is_404(alice_client, partnership):
    assert alice_client.get(url("conversation", partnership, 999999)).status_code == 404


def test_answering_without_javascript_saves_and_redirects(
    alice_client, alice, partnership, conversation
):
    response = alice_client.post(url("answer", partnership, conversation.pk), {"text": ALICE_WORDS})
    assert response.status_code == 302
    # Back to the region she answered in (the keyboard carries on from there).
    assert response["Location"] == url("conversation", partnership, conversation.pk) + (
        "#conversation"
    )
    assert Answer.objects.get(user=alice).text == ALICE_WORDS
    page = alice_client.get(response["Location"]).content.decode()
    assert "Your answer is saved." in page
    assert page.count("stays private until Bob has answered too") == 1, "said once"


def test_answering_with_htmx_returns_the_updated_region(
    alice_client, partnership, conversation, htmx_headers
):
    response = alice_client.post(
        url("answer", partnership, conversation.pk), {"text": ALICE_WORDS}, headers=htmx_headers
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert body.lstrip().startswith('<div id="conversation"')
    assert "Waiting for Bob" in body and ALICE_WORDS in body


def test_the_second_answer_shows_both_side_by_side(
    bob_client, alice, partnership, conversation, htmx_headers
):
    services.answer_submit(conversation=conversation, user=alice, text=ALICE_WORDS)
    response = bob_client.post(
        url("answer", partnership, conversation.pk), {"text": BOB_WORDS}, headers=htmx_headers
    )
    body = response.content.decode()
    assert ALICE_WORDS in body and BOB_WORDS in body
    assert "We talked about it" in body


@pytest.mark.parametrize(
    ("text", "message"),
    [("", "Write a few words first"), ("x" * 5001, "under 5000 characters")],
)
def test_a_bad_answer_is_explained_and_what_was_typed_is_kept(
    alice_client, partnership, conversation, text, message
):
    response = alice_client.post(url("answer", partnership, conversation.pk), {"text": text})
    assert response.status_code == 422
    body = response.content.decode()
    assert message in body
    if text:
        assert text in body
    assert not Answer.objects.exists()


def test_answering_rejects_get(alice_client, partnership, conversation):
    assert alice_client.get(url("answer", partnership, conversation.pk)).status_code == 405


def test_answering_after_the_reveal_explains_kindly(alice_client, partnership, revealed):
    response = alice_client.post(url("answer", partnership, revealed.pk), {"text": "Changed"})
    assert response.status_code == 302
    page = alice_client.get(response["Location"]).content.decode()
    assert "can no longer be changed" in page
    assert revealed.answers.get(user__email="alice@example.com").text == ALICE_WORDS


def test_lets_just_talk_needs_no_words(alice_client, alice, partnership, conversation):
    response = alice_client.post(url("answer", partnership, conversation.pk), {"just_talk": "1"})
    assert response.status_code == 302
    assert Answer.objects.get(user=alice).kind == Answer.Kind.TALK


def test_taking_an_answer_back(alice_client, bob_client, partnership, revealed, htmx_headers):
    response = alice_client.post(url("withdraw", partnership, revealed.pk), headers=htmx_headers)
    assert response.status_code == 200
    assert "You took your answer back" in response.content.decode()
    bobs = bob_client.get(url("conversation", partnership, revealed.pk)).content.decode()
    assert ALICE_WORDS not in bobs and "took this answer back" in bobs


def test_after_taking_an_answer_back_its_author_can_answer_again(
    alice_client, bob_client, partnership, revealed
):
    response = alice_client.post(url("withdraw", partnership, revealed.pk))
    assert response.status_code == 302
    page = alice_client.get(response["Location"]).content.decode()
    assert "You took your answer back" in page
    assert "Your turn" in page and "Save my answer" in page
    assert "You have both answered" not in page
    assert BOB_WORDS not in page  # private again until she answers
    response = alice_client.post(url("answer", partnership, revealed.pk), {"text": "Again."})
    assert response.status_code == 302
    bobs = bob_client.get(url("conversation", partnership, revealed.pk)).content.decode()
    assert "Again." in bobs and "You have both answered" in bobs
    alices = alice_client.get(response["Location"]).content.decode()
    assert alices.count("You have both answered") == 1, "the status says it, once"


def test_taking_an_answer_back_before_the_reveal_is_refused(
    alice_client, alice, partnership, conversation
):
    services.answer_submit(conversation=conversation, user=alice, text=ALICE_WORDS)
    response = alice_client.post(url("withdraw", partnership, conversation.pk))
    assert response.status_code == 302
    assert Answer.objects.get(user=alice).text == ALICE_WORDS


def test_withdraw_rejects_get(alice_client, partnership, revealed):
    assert alice_client.get(url("withdraw", partnership, revealed.pk)).status_code == 405


def test_we_talked_about_it_with_a_takeaway(alice_client, partnership, revealed):
    response = alice_client.post(
        url("talked", partnership, revealed.pk), {"takeaway": "We check instead of guessing."}
    )
    assert response.status_code == 302
    revealed.refresh_from_db()
    assert revealed.is_talked_about and revealed.takeaway == "We check instead of guessing."
    body = alice_client.get(url("conversation", partnership, revealed.pk)).content.decode()
    assert "We check instead of guessing." in body
    assert "Last written by you" in body


def test_we_talked_about_it_with_htmx(alice_client, partnership, revealed, htmx_headers):
    response = alice_client.post(
        url("talked", partnership, revealed.pk), {"takeaway": ""}, headers=htmx_headers
    )
    assert response.status_code == 200
    assert "You talked about it on" in response.content.decode()


def test_talking_before_the_reveal_is_refused(alice_client, partnership, conversation):
    response = alice_client.post(url("talked", partnership, conversation.pk), {"takeaway": "x"})
    assert response.status_code == 422
    assert "once you have both answered" in response.content.decode()


def test_a_too_long_takeaway_is_refused_and_kept(alice_client, partnership, revealed):
    text = "y" * 2001
    response = alice_client.post(url("talked", partnership, revealed.pk), {"takeaway": text})
    assert response.status_code == 422
    assert "under 2000 characters" in response.content.decode()
    assert text in response.content.decode()
    revealed.refresh_from_db()
    assert not revealed.is_talked_about


def test_talked_rejects_get(alice_client, partnership, revealed):
    assert alice_client.get(url("talked", partnership, revealed.pk)).status_code == 405


@pytest.fixture
def talked(revealed, alice):
    services.conversation_mark_talked(conversation=revealed, user=alice, takeaway="First words")
    revealed.refresh_from_db()
    return revealed


def test_editing_the_takeaway(bob_client, partnership, talked, htmx_headers):
    response = bob_client.post(
        url("takeaway", partnership, talked.pk),
        {"takeaway": "Better words", "version": talked.takeaway_version},
        headers=htmx_headers,
    )
    assert response.status_code == 200
    assert "Better words" in response.content.decode()
    assert "Last written by you" in response.content.decode()


def test_a_stale_takeaway_edit_keeps_both_versions_visible(bob_client, alice, partnership, talked):
    services.takeaway_save(conversation=talked, user=alice, text="Alice's edit", version=1)
    response = bob_client.post(
        url("takeaway", partnership, talked.pk), {"takeaway": "Bob's edit", "version": 1}
    )
    assert response.status_code == 409
    body = response.content.decode()
    assert "Alice’s edit" in body or "Alice&#x27;s edit" in body
    assert "Bob&#x27;s edit" in body or "Bob's edit" in body
    assert "changed the takeaway while you were editing" in body
    assert 'name="version" value="2"' in body


def test_a_takeaway_without_a_version_is_refused(alice_client, partnership, talked):
    response = alice_client.post(url("takeaway", partnership, talked.pk), {"takeaway": "x"})
    assert response.status_code == 422


def test_takeaway_rejects_get(alice_client, partnership, talked):
    assert alice_client.get(url("takeaway", partnership, talked.pk)).status_code == 405


def test_the_takeaway_can_become_an_agreement_proposal_or_an_appreciation(
    alice_client, partnership, talked
):
    from urllib.parse import parse_qs, urlsplit

    from django.urls import NoReverseMatch, reverse

    body = alice_client.get(url("conversation", partnership, talked.pk)).content.decode()
    try:
        propose = reverse("agreements:propose", args=[partnership.public_id])
    except NoReverseMatch:
        assert "agreement proposal" not in body
    else:
        assert "Turn it into an agreement proposal" in body
        start = body.index(f'href="{propose}?') + len('href="')
        link = body[start : body.index('"', start)].replace("&amp;", "&")
        query = parse_qs(urlsplit(link).query)
        assert query["title"] == ["First words"] and query["text"] == ["First words"]
    try:
        new = reverse("appreciations:new", args=[partnership.public_id])
    except NoReverseMatch:
        assert "Turn it into an appreciation" not in body
    else:
        assert f'href="{new}?text=First+words"' in body


def test_the_buttons_only_show_for_links_that_exist(alice_client, partnership, talked, monkeypatch):
    real = services.link_with_params
    monkeypatch.setattr(
        services,
        "link_with_params",
        lambda name, *args, **kwargs: (
            None if name.startswith("agreements") else real(name, *args, **kwargs)
        ),
    )
    body = alice_client.get(url("conversation", partnership, talked.pk)).content.decode()
    assert "agreement proposal" not in body
