"""The day's page: answering, passing, the reveal, the poll, and who may see what."""

import pytest

from tests.questions.conftest import ALICE_WORDS, BOB_WORDS, day_url, url
from trustapp.couples.services import partnership_leave
from trustapp.questions import services
from trustapp.questions.models import Answer

pytestmark = pytest.mark.django_db


def test_today_shows_the_question_and_a_few_words_form(alice_client, partnership, today):
    response = alice_client.get(url("today", partnership))
    assert response.status_code == 200
    body = response.content.decode()
    assert today.text in body and 'name="text"' in body and "Pass on this one" in body


def test_an_answer_stays_private_until_both_answered(
    alice_client, bob_client, partnership, today, htmx_headers
):
    alice_client.post(day_url("answer", today), {"text": ALICE_WORDS})
    # Bob's page, his poll and his home never carry Alice's words.
    for response in (
        bob_client.get(url("today", partnership)),
        bob_client.get(day_url("day", today)),
        bob_client.get(day_url("status", today) + "?seen=00", headers=htmx_headers),
        bob_client.get(partnership.get_absolute_url()),
        bob_client.get(url("past", partnership)),
    ):
        assert "alice-secret" not in response.content.decode()
    assert "alice-secret" in alice_client.get(day_url("day", today)).content.decode()

    response = bob_client.post(day_url("answer", today), {"text": BOB_WORDS}, follow=True)
    body = response.content.decode()
    assert "alice-secret" in body and "bob-secret" in body
    assert "alice-secret" in bob_client.get(url("past", partnership)).content.decode()


def test_nobody_is_told_that_the_partner_answered(alice_client, partnership, today, mailoutbox):
    from trustapp.notifications.models import PartnerNotice

    alice_client.post(day_url("answer", today), {"text": ALICE_WORDS})
    assert not PartnerNotice.objects.exists() and not mailoutbox


def test_an_answer_can_change_until_both_answered(alice_client, bob, today):
    alice_client.post(day_url("answer", today), {"text": "First"})
    alice_client.post(day_url("answer", today), {"text": "Second"})
    assert Answer.objects.get().text == "Second"
    services.answer_save(day_question=today, user=bob, text=BOB_WORDS)
    response = alice_client.post(day_url("answer", today), {"text": "Third"}, follow=True)
    assert "stays as it is" in response.content.decode()
    assert Answer.objects.get(text="Second")


def test_passing_reveals_without_giving_away_the_partners_words(alice_client, bob_client, today):
    alice_client.post(day_url("answer", today), {"text": ALICE_WORDS})
    bob_client.post(day_url("answer", today), {"pass": "1", "text": ""})
    today.refresh_from_db()
    assert today.is_revealed
    bob_page = bob_client.get(day_url("day", today)).content.decode()
    assert "alice-secret" not in bob_page and "their words stay with them" in bob_page
    assert "Bob passed on this one" in alice_client.get(day_url("day", today)).content.decode()


def test_an_empty_or_long_answer_is_refused_clearly_and_the_words_stay(alice_client, today):
    response = alice_client.post(day_url("answer", today), {"text": "   "})
    assert response.status_code == 422
    assert "Write a few words, or pass on this one." in response.content.decode()
    long = "very long words " * 20
    response = alice_client.post(day_url("answer", today), {"text": long})
    assert response.status_code == 422
    body = response.content.decode()
    assert "keep it under 200 characters" in body and long.strip() in body
    assert not Answer.objects.exists()


def test_answering_with_htmx_returns_the_day_region(alice_client, today, htmx_headers):
    response = alice_client.post(
        day_url("answer", today), {"text": ALICE_WORDS}, headers=htmx_headers
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith('<div id="day"') and "<html" not in body
    assert "alice-secret" in body


def test_the_poll_answers_204_until_something_changes_then_reloads_on_the_reveal(
    alice_client, bob, today, htmx_headers
):
    poll = day_url("status", today)
    assert alice_client.get(poll + "?seen=00", headers=htmx_headers).status_code == 204
    services.answer_save(day_question=today, user=bob, text=BOB_WORDS)
    changed = alice_client.get(poll + "?seen=00", headers=htmx_headers)
    assert changed.status_code == 200 and "bob-secret" not in changed.content.decode()
    assert "HX-Trigger" not in changed
    services.answer_save(day_question=today, user=today.partnership.partner_of(bob), text="Hi")
    revealed = alice_client.get(poll + "?seen=01", headers=htmx_headers)
    assert revealed.status_code == 286  # stop polling
    assert revealed["HX-Trigger"] == "question-changed"
    assert "bob-secret" not in revealed.content.decode()  # the words come with the page


def test_the_poll_without_htmx_goes_to_the_day(alice_client, today):
    response = alice_client.get(day_url("status", today))
    assert response.status_code == 302 and response["Location"] == today.get_absolute_url()


def test_an_outsider_gets_404_everywhere(carol_client, partnership, today):
    for address in (url("today", partnership), url("past", partnership), day_url("day", today)):
        assert carol_client.get(address).status_code == 404
    assert carol_client.post(day_url("answer", today), {"text": "Hi"}).status_code == 404
    assert not Answer.objects.exists()


def test_a_junk_or_unknown_day_is_404(alice_client, partnership, today):
    for day in ("yesterday", "2026-02-30", "1999-01-01"):
        assert alice_client.get(url("day", partnership, day)).status_code == 404


def test_answering_needs_post(alice_client, today):
    assert alice_client.get(day_url("answer", today)).status_code == 405


def test_former_partners_read_only(alice_client, partnership, alice, revealed):
    partnership_leave(partnership=partnership, user=alice)
    page = alice_client.get(day_url("day", revealed))
    assert page.status_code == 200 and "read-only archive" in page.content.decode()
    assert "bob-secret" in page.content.decode()
    assert 'name="text"' not in page.content.decode()
    assert alice_client.post(day_url("answer", revealed), {"text": "Again"}).status_code == 403


def test_the_timeline_shows_no_counts_or_missed_days(alice_client, partnership, revealed):
    body = alice_client.get(url("past", partnership)).content.decode().lower()
    for word in ("streak", "missed", "in a row", "don't leave", "waiting for you"):
        assert word not in body


def test_the_home_card_shows_the_question(alice_client, partnership, today):
    body = alice_client.get(partnership.get_absolute_url()).content.decode()
    assert "Today’s question" in body and today.text in body
