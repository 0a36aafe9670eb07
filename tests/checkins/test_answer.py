"""The privacy rule: a partner's answer is in no response until both have answered."""

import pytest
from django.utils import timezone

from tests.checkins.support import ANSWER_POST, answer, open_checkin, url
from trustapp.checkins.models import Answer
from trustapp.couples.services import partnership_leave

SECRET = "bob-private-thought-9137"


@pytest.fixture
def checkin(partnership):
    return open_checkin(partnership)


@pytest.fixture
def bob_answered(checkin, bob):
    return answer(checkin, bob, connected=2, on_my_mind=SECRET)


def test_alice_answers_with_js_off_and_is_redirected(alice_client, partnership, checkin, alice):
    response = alice_client.post(url("answer", partnership, checkin.pk), ANSWER_POST)
    assert response.status_code == 302
    assert response["Location"] == checkin.get_absolute_url() + "#answers"
    saved = Answer.objects.get(author=alice)
    assert (saved.connected, saved.trusted, saved.went_well) == (4, 3, "The walk on Sunday")


def test_the_partners_answer_is_in_no_page_before_both_answered(
    alice_client, partnership, checkin, bob_answered, htmx_headers
):
    page = alice_client.get(checkin.get_absolute_url())
    assert SECRET.encode() not in page.content
    assert b"Bob has answered" in page.content
    poll = alice_client.get(url("answers", partnership, checkin.pk), headers=htmx_headers)
    assert SECRET.encode() not in poll.content
    home = alice_client.get(partnership.get_absolute_url())
    assert SECRET.encode() not in home.content
    trend = alice_client.get(url("trend", partnership))
    assert b"2 of 5" not in trend.content and SECRET.encode() not in trend.content


def test_my_own_answer_shows_while_waiting_and_the_page_polls(
    bob_client, partnership, checkin, bob_answered
):
    body = bob_client.get(checkin.get_absolute_url()).content.decode()
    assert SECRET in body
    assert "Alice has not answered yet" in body
    assert 'hx-trigger="every 5s"' in body


def test_both_answers_show_side_by_side_once_both_answered(
    alice_client, partnership, checkin, bob_answered
):
    response = alice_client.post(url("answer", partnership, checkin.pk), ANSWER_POST, follow=True)
    body = response.content.decode()
    assert SECRET in body and "The walk on Sunday" in body
    assert 'hx-trigger="every 5s"' not in body


def test_the_poll_keeps_waiting_then_stops_with_286_once_revealed(
    bob_client, partnership, checkin, bob_answered, alice, htmx_headers
):
    poll = bob_client.get(url("answers", partnership, checkin.pk), headers=htmx_headers)
    assert poll.status_code == 200
    assert b"<html" not in poll.content and b'id="answers"' in poll.content
    answer(checkin, alice, went_well="alice-shared-thing")
    poll = bob_client.get(url("answers", partnership, checkin.pk), headers=htmx_headers)
    assert poll.status_code == 286
    assert b"alice-shared-thing" in poll.content


@pytest.mark.embedded
def test_the_poll_answers_204_while_still_waiting_on_both_databases(
    bob_client, partnership, checkin, bob_answered, alice, htmx_headers
):
    waiting = url("answers", partnership, checkin.pk) + "?seen=waiting"
    poll = bob_client.get(waiting, headers=htmx_headers)
    assert (poll.status_code, poll.content) == (204, b"")
    answer(checkin, alice, went_well="alice-shared-thing")
    poll = bob_client.get(waiting, headers=htmx_headers)
    assert poll.status_code == 286
    assert b"alice-shared-thing" in poll.content


@pytest.mark.embedded
def test_the_waiting_poll_is_a_404_for_an_outsider(
    carol_client, partnership, checkin, htmx_headers
):
    waiting = url("answers", partnership, checkin.pk) + "?seen=waiting"
    assert carol_client.get(waiting, headers=htmx_headers).status_code == 404


def test_the_poll_without_htmx_goes_back_to_the_page(bob_client, partnership, checkin):
    response = bob_client.get(url("answers", partnership, checkin.pk))
    assert response["Location"] == checkin.get_absolute_url() + "#answers"


def test_htmx_gets_the_answers_partial_after_answering(
    alice_client, partnership, checkin, htmx_headers
):
    response = alice_client.post(
        url("answer", partnership, checkin.pk), ANSWER_POST, headers=htmx_headers
    )
    assert response.status_code == 200
    assert b"<html" not in response.content
    assert b"Your answer is saved" in response.content


def test_missing_ratings_are_explained_and_the_text_is_kept(alice_client, partnership, checkin):
    data = ANSWER_POST | {"connected": "", "trusted": "9"}
    response = alice_client.post(url("answer", partnership, checkin.pk), data)
    assert response.status_code == 422
    body = response.content.decode()
    assert "Choose a number from 1 to 5." in body
    assert "The walk on Sunday" in body
    assert not Answer.objects.exists()


def test_bad_input_with_htmx_returns_the_form_partial(
    alice_client, partnership, checkin, htmx_headers
):
    response = alice_client.post(
        url("answer", partnership, checkin.pk), {"connected": "x"}, headers=htmx_headers
    )
    assert response.status_code == 422
    assert b"<html" not in response.content and b"Choose a number" in response.content


def test_an_answer_can_be_changed_before_the_partner_answers(
    alice_client, partnership, checkin, alice
):
    alice_client.post(url("answer", partnership, checkin.pk), ANSWER_POST)
    page = alice_client.get(checkin.get_absolute_url() + "?edit")
    assert b"Save my answer" in page.content and b"The walk on Sunday" in page.content
    alice_client.post(url("answer", partnership, checkin.pk), ANSWER_POST | {"trusted": "5"})
    assert Answer.objects.get(author=alice).trusted == 5
    assert Answer.objects.count() == 1


def test_answers_are_settled_once_both_answered(
    alice_client, partnership, checkin, bob_answered, alice
):
    alice_client.post(url("answer", partnership, checkin.pk), ANSWER_POST)
    response = alice_client.post(
        url("answer", partnership, checkin.pk), ANSWER_POST | {"trusted": "1"}, follow=True
    )
    assert b"stay as they were shared" in response.content
    assert Answer.objects.get(author=alice).trusted == 3


def test_htmx_hears_why_an_answer_did_not_change(
    alice_client, partnership, checkin, bob_answered, alice, htmx_headers
):
    answer(checkin, alice)
    response = alice_client.post(
        url("answer", partnership, checkin.pk), ANSWER_POST, headers=htmx_headers
    )
    assert b'role="alert"' in response.content
    assert b"stay as they were shared" in response.content


def test_a_finished_check_in_refuses_answers(alice_client, partnership):
    checkin = open_checkin(partnership, closed_at=timezone.now())
    response = alice_client.post(url("answer", partnership, checkin.pk), ANSWER_POST, follow=True)
    assert b"This check-in is finished" in response.content
    assert not Answer.objects.exists()


def test_answer_rejects_get(alice_client, partnership, checkin):
    assert alice_client.get(url("answer", partnership, checkin.pk)).status_code == 405


def test_answer_is_a_404_for_an_outsider(carol_client, partnership, checkin):
    response = carol_client.post(url("answer", partnership, checkin.pk), ANSWER_POST)
    assert response.status_code == 404
    assert carol_client.get(url("answers", partnership, checkin.pk)).status_code == 404
    assert not Answer.objects.exists()


def test_the_archive_still_keeps_unrevealed_answers_private(
    alice_client, partnership, checkin, bob_answered, bob
):
    partnership_leave(partnership=partnership, user=bob)
    body = alice_client.get(checkin.get_absolute_url()).content
    assert SECRET.encode() not in body
    assert b"Share my answer" not in body
    assert alice_client.post(url("answer", partnership, checkin.pk), ANSWER_POST).status_code == 403
