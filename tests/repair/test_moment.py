"""After a hard moment: starting one, writing privately step by step, the reveal, and
what can follow it."""

import re

import pytest
from django.urls import reverse

from tests.conftest import client_for
from tests.repair.conftest import ALICE_MARK, BOB_MARK, url, words, write_all
from trustapp.agreements.models import Agreement
from trustapp.checkins.models import AgendaItem
from trustapp.repair import services
from trustapp.repair.models import Moment, Reflection
from trustapp.repair.steps import STEPS

pytestmark = pytest.mark.django_db


def test_a_partner_starts_one_about_a_moment(alice_client, partnership):
    response = alice_client.post(url("start", partnership), {"title": "Saturday’s argument"})
    moment = Moment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == moment.get_absolute_url()
    body = alice_client.get(response["Location"]).content.decode()
    assert "Saturday’s argument" in body
    assert "Step 1 of 5" in body and "What I felt" in body


def test_a_moment_without_words_gets_a_clear_message(alice_client, partnership):
    response = alice_client.post(url("start", partnership), {"title": "  "})
    assert response.status_code == 422
    assert "Give the moment a few words" in response.content.decode()
    assert not Moment.objects.exists()


def test_a_too_long_name_keeps_what_was_typed(alice_client, partnership):
    typed = "x" * 201
    response = alice_client.post(url("start", partnership), {"title": typed})
    assert response.status_code == 422
    body = response.content.decode()
    assert "under 200 characters" in body and typed in body


def test_the_start_refuses_a_get(alice_client, partnership):
    assert alice_client.get(url("start", partnership)).status_code == 405


def test_each_step_saves_and_moves_on(alice_client, partnership, moment):
    write = url("write", partnership, moment.pk)
    response = alice_client.post(write, {"step": 1, "text": "Small and unseen."})
    assert response.status_code == 302
    page = alice_client.get(moment.get_absolute_url()).content.decode()
    assert "Step 2 of 5" in page and "Small and unseen." in page
    reflection = Reflection.objects.get()
    assert reflection.felt == "Small and unseen." and reflection.step == 2
    assert reflection.finished_at is None


def test_a_required_step_left_empty_says_why_and_an_optional_one_may_be_skipped(
    alice_client, partnership, moment, htmx_headers
):
    write = url("write", partnership, moment.pk)
    response = alice_client.post(write, {"step": 1, "text": ""}, headers=htmx_headers)
    assert response.status_code == 422
    assert "Write a few words here first" in response.content.decode()
    assert alice_client.post(write, {"step": 3, "text": ""}).status_code == 302


def test_too_long_words_keep_what_was_typed(alice_client, partnership, moment, htmx_headers):
    typed = "y" * 3001
    response = alice_client.post(
        url("write", partnership, moment.pk), {"step": 2, "text": typed}, headers=htmx_headers
    )
    assert response.status_code == 422
    body = response.content.decode()
    assert "under 3000 characters" in body and typed in body


def test_a_step_that_does_not_exist_is_refused_calmly(alice_client, partnership, moment):
    response = alice_client.post(url("write", partnership, moment.pk), {"step": "9", "text": "a"})
    assert response.status_code == 302
    assert not Reflection.objects.exists()


def test_nothing_is_revealed_until_both_finished(partnership, alice, bob, moment):
    write_all(moment, alice, ALICE_MARK)
    for step in STEPS[:-1]:
        services.step_save(moment=moment, user=bob, number=step.number, text=words(BOB_MARK, step))
    moment.refresh_from_db()
    assert moment.revealed_at is None
    sides = services.sides_for(moment, bob)
    assert sides.theirs is None and sides.partner_finished
    services.step_save(moment=moment, user=bob, number=5, text="Ask me first.")
    moment.refresh_from_db()
    assert moment.revealed_at is not None
    assert services.sides_for(moment, bob).theirs.author_id == alice.pk


def test_after_the_reveal_both_sides_show_side_by_side(bob_client, partnership, revealed):
    body = bob_client.get(revealed.get_absolute_url()).content.decode()
    for step in STEPS:
        assert words(ALICE_MARK, step) in body
        assert words(BOB_MARK, step) in body
    assert "I hear you" in body


def test_words_are_settled_once_both_finished(alice_client, partnership, revealed):
    response = alice_client.post(
        url("write", partnership, revealed.pk), {"step": 1, "text": "A change"}
    )
    assert response.status_code == 302
    assert Reflection.objects.get(author__email="alice@example.com").felt != "A change"


def test_i_hear_you_an_apology_and_accepting_it(alice_client, bob_client, partnership, revealed):
    assert alice_client.post(url("hear", partnership, revealed.pk)).status_code == 302
    apology = "I am sorry I raised my voice. apology-words-5"
    response = alice_client.post(url("apology", partnership, revealed.pk), {"text": apology})
    assert response.status_code == 302
    bob_page = bob_client.get(revealed.get_absolute_url()).content.decode()
    assert "Alice says: I hear you." in bob_page
    assert apology in bob_page and "I accept your apology" in bob_page
    assert bob_client.post(url("accept", partnership, revealed.pk)).status_code == 302
    alice_reflection = Reflection.objects.get(author__email="alice@example.com")
    assert alice_reflection.apology_accepted_at is not None
    assert "Bob accepted it." in alice_client.get(revealed.get_absolute_url()).content.decode()


def test_an_empty_apology_says_why(alice_client, partnership, revealed, htmx_headers):
    response = alice_client.post(
        url("apology", partnership, revealed.pk), {"text": ""}, headers=htmx_headers
    )
    assert response.status_code == 422
    assert "An apology needs your own words" in response.content.decode()


def test_nothing_after_the_reveal_can_happen_before_it(alice_client, partnership, alice_finished):
    for name in ("hear", "accept"):
        alice_client.post(url(name, partnership, alice_finished.pk))
    alice_client.post(url("apology", partnership, alice_finished.pk), {"text": "Sorry"})
    reflection = Reflection.objects.get()
    assert reflection.heard_at is None and reflection.apology == ""


def test_a_would_help_becomes_an_agreement_proposal_in_one_click(
    bob_client, partnership, alice, revealed
):
    carry = url("carry", partnership, revealed.pk)
    response = bob_client.post(carry, {"of": alice.pk, "to": "agreement"})
    assert response.status_code == 302
    agreement = Agreement.objects.get()
    assert agreement.title.startswith("One thing that would help")
    assert agreement.pending_revision.text == words(ALICE_MARK, STEPS[-1])
    assert agreement.category.slug == "conflict"
    assert "Saturday’s argument" in agreement.pending_revision.why
    # A second click finds it done.
    bob_client.post(carry, {"of": alice.pk, "to": "checkin"})
    assert Agreement.objects.count() == 1 and not AgendaItem.objects.exists()
    body = bob_client.get(revealed.get_absolute_url()).content.decode()
    assert reverse("agreements:detail", args=[partnership.public_id, agreement.pk]) in body


def test_a_would_help_becomes_a_topic_for_the_next_check_in(
    alice_client, partnership, alice, revealed, htmx_headers
):
    response = alice_client.post(
        url("carry", partnership, revealed.pk),
        {"of": alice.pk, "to": "checkin"},
        headers=htmx_headers,
    )
    assert response.status_code == 200
    assert "on the agenda of your next check-in" in response.content.decode()
    item = AgendaItem.objects.get()
    assert item.partnership == partnership
    assert words(ALICE_MARK, STEPS[-1]) in item.text


def test_carrying_somewhere_unknown_is_refused(alice_client, partnership, alice, revealed):
    alice_client.post(url("carry", partnership, revealed.pk), {"of": alice.pk, "to": "nowhere"})
    alice_client.post(url("carry", partnership, revealed.pk), {"of": "junk", "to": "checkin"})
    assert not AgendaItem.objects.exists() and not Agreement.objects.exists()


def test_either_partner_can_stop_it_alone_and_unshared_words_stay_private(
    bob_client, alice_client, partnership, alice_finished
):
    assert bob_client.post(url("stop", partnership, alice_finished.pk)).status_code == 302
    moment = Moment.objects.get()
    assert moment.stopped_at is not None
    body = bob_client.get(moment.get_absolute_url()).content.decode()
    assert "You stopped this" in body and ALICE_MARK not in body
    alice_page = alice_client.get(moment.get_absolute_url()).content.decode()
    assert "Bob stopped this" in alice_page
    bob_client.post(url("write", partnership, moment.pk), {"step": 1, "text": "Late words"})
    assert not Reflection.objects.filter(author__email="bob@example.com").exists()


def test_the_list_never_counts_or_scores(alice_client, partnership, revealed, alice):
    services.moment_start(partnership=partnership, user=alice, title="Another evening")
    body = alice_client.get(url("index", partnership)).content.decode()
    assert "Saturday’s argument" in body and "Another evening" in body
    lowered = body.lower()
    assert "streak" not in lowered and "points" not in lowered
    assert not re.search(r"\d+\s+(moments?|times|apolog\w*|pauses?)", lowered)


def test_a_former_partner_reads_and_cannot_write(partnership, alice, bob, revealed):
    from trustapp.couples.services import partnership_leave

    partnership_leave(partnership=partnership, user=bob)
    client = client_for(alice)
    page = client.get(revealed.get_absolute_url())
    assert page.status_code == 200 and BOB_MARK in page.content.decode()
    assert client.post(url("hear", partnership, revealed.pk)).status_code == 403
    assert client.post(url("start", partnership), {"title": "New"}).status_code == 403
    assert Reflection.objects.filter(heard_at__isnull=False).count() == 0
