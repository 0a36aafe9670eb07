import pytest
from django.utils import timezone

from tests.checkins.support import open_checkin, url
from trustapp.checkins.models import AgendaItem


@pytest.fixture
def checkin(partnership):
    return open_checkin(partnership)


def test_a_partner_flags_a_topic_and_both_see_it(
    alice_client, bob_client, partnership, checkin, alice
):
    response = alice_client.post(
        url("agenda_add", partnership, checkin.pk), {"text": "  Birthday plans  "}
    )
    assert response["Location"] == checkin.get_absolute_url() + "#agenda"
    item = AgendaItem.objects.get()
    assert (item.text, item.added_by, item.partnership) == ("Birthday plans", alice, partnership)
    body = bob_client.get(checkin.get_absolute_url()).content.decode()
    assert "Birthday plans" in body and "flagged by Alice" in body


def test_htmx_gets_the_agenda_partial(alice_client, partnership, checkin, htmx_headers):
    response = alice_client.post(
        url("agenda_add", partnership, checkin.pk), {"text": "Chores"}, headers=htmx_headers
    )
    assert response.status_code == 200
    assert b"<html" not in response.content and b"Chores" in response.content


def test_an_empty_topic_is_explained(alice_client, partnership, checkin):
    response = alice_client.post(url("agenda_add", partnership, checkin.pk), {"text": "   "})
    assert response.status_code == 422
    assert b"Write a few words about the topic." in response.content
    assert not AgendaItem.objects.exists()


def test_a_too_long_topic_keeps_what_was_typed(alice_client, partnership, checkin, htmx_headers):
    text = "x" * 301
    response = alice_client.post(
        url("agenda_add", partnership, checkin.pk), {"text": text}, headers=htmx_headers
    )
    assert response.status_code == 422
    assert text.encode() in response.content


def test_a_topic_is_ticked_off_in_the_open_check_in(alice_client, partnership, checkin, alice):
    item = AgendaItem.objects.create(partnership=partnership, added_by=alice, text="Chores")
    alice_client.post(url("agenda_talked", partnership, item.pk), {"talked": "1"})
    item.refresh_from_db()
    assert item.talked_about_in == checkin and item.talked_about_at
    alice_client.post(url("agenda_talked", partnership, item.pk), {"talked": "0"})
    item.refresh_from_db()
    assert item.talked_about_in is None


def test_ticking_off_needs_an_open_check_in(alice_client, partnership, alice):
    open_checkin(partnership, closed_at=timezone.now())
    item = AgendaItem.objects.create(partnership=partnership, added_by=alice, text="Chores")
    response = alice_client.post(
        url("agenda_talked", partnership, item.pk), {"talked": "1"}, follow=True
    )
    assert b"Start one first" in response.content
    item.refresh_from_db()
    assert item.talked_about_at is None


def test_topics_flagged_after_a_check_in_wait_for_the_next(alice_client, partnership):
    finished = open_checkin(partnership, closed_at=timezone.now())
    alice_client.post(url("agenda_add", partnership, finished.pk), {"text": "Holidays"})
    body = alice_client.get(finished.get_absolute_url()).content.decode()
    assert "Topics for next time" in body and "Holidays" in body


def test_agenda_views_reject_get(alice_client, partnership, checkin, alice):
    item = AgendaItem.objects.create(partnership=partnership, added_by=alice, text="Chores")
    assert alice_client.get(url("agenda_add", partnership, checkin.pk)).status_code == 405
    assert alice_client.get(url("agenda_talked", partnership, item.pk)).status_code == 405


def test_agenda_views_are_a_404_for_an_outsider(carol_client, partnership, checkin, alice):
    item = AgendaItem.objects.create(partnership=partnership, added_by=alice, text="Chores")
    assert (
        carol_client.post(url("agenda_add", partnership, checkin.pk), {"text": "x"}).status_code
        == 404
    )
    assert carol_client.post(url("agenda_talked", partnership, item.pk)).status_code == 404


def test_a_topic_of_another_space_is_a_404(alice_client, partnership, other_partnership, carol):
    theirs = AgendaItem.objects.create(partnership=other_partnership, added_by=carol, text="x")
    open_checkin(partnership)
    response = alice_client.post(url("agenda_talked", partnership, theirs.pk), {"talked": "1"})
    assert response.status_code == 404


def test_the_agenda_lists_agreements_due_and_the_prompt_of_the_week(
    alice_client, partnership, checkin, monkeypatch
):
    from trustapp.checkins import services

    monkeypatch.setattr(services, "agreements_due_for_revisit", lambda p: ["Screens off at ten"])
    monkeypatch.setattr(
        services, "prompt_of_the_week", lambda p: services.Prompt("What makes you feel safe?", "/x")
    )
    body = alice_client.get(checkin.get_absolute_url()).content.decode()
    assert "Agreements due for a revisit" in body and "Screens off at ten" in body
    assert "What makes you feel safe?" in body and 'href="/x"' in body
