"""A pause with a promised return: asked for from a conversation, a hard moment or a
check-in; the partner sees the time in their own zone; one gentle note at that time."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core import mail

from tests.checkins.support import open_checkin
from tests.repair.conftest import url
from trustapp.conversations import services as conversations
from trustapp.conversations.models import Prompt
from trustapp.couples.services import partnership_leave
from trustapp.notifications import services as notifications
from trustapp.notifications.models import ActivityEmails, PartnerNotice
from trustapp.repair.models import Pause

pytestmark = pytest.mark.django_db

# 18:00 in Berlin (Alice), 12:00 in New York (Bob).
NOW = datetime(2026, 6, 2, 16, 0, tzinfo=UTC)


@pytest.fixture
def conversation(partnership, alice):
    prompt = Prompt.objects.get(slug="trust-in-one-sentence")
    conversation, _created = conversations.conversation_start(
        partnership=partnership, user=alice, prompt=prompt
    )
    return conversation


@pytest.fixture
def paused(alice_client, partnership, conversation):
    with time_machine.travel(NOW, tick=False):
        response = alice_client.post(
            url("pause", partnership),
            {"minutes": 30, "about": "the conversation", "next": conversation.get_absolute_url()},
        )
    assert response.status_code == 302
    assert response["Location"] == conversation.get_absolute_url()
    return Pause.objects.get()


def dispatch(at, capture):
    with time_machine.travel(at, tick=False), capture(execute=True):
        notifications.partner_notices_dispatch()


def test_the_conversation_and_check_in_pages_offer_a_pause(alice_client, partnership, conversation):
    page = alice_client.get(conversation.get_absolute_url()).content.decode()
    assert "I need a pause" in page and url("pause", partnership) in page
    checkin = open_checkin(partnership)
    page = alice_client.get(checkin.get_absolute_url()).content.decode()
    assert "I need a pause" in page


def test_the_partner_sees_when_in_their_own_time_zone(bob_client, paused, conversation):
    with time_machine.travel(NOW + timedelta(minutes=5), tick=False):
        page = bob_client.get(conversation.get_absolute_url()).content.decode()
    assert "Alice asked for a pause and will be back at 12:30." in page


def test_the_one_who_paused_sees_it_in_their_own_time(alice_client, paused, conversation):
    with time_machine.travel(NOW + timedelta(minutes=5), tick=False):
        page = alice_client.get(conversation.get_absolute_url()).content.decode()
    assert "You are taking a pause until 18:30." in page
    assert "I am back now" in page


def test_one_gentle_note_comes_at_that_time_and_only_once(
    paused, alice, bob, django_capture_on_commit_callbacks
):
    dispatch(NOW + timedelta(minutes=29), django_capture_on_commit_callbacks)
    assert mail.outbox == []
    dispatch(NOW + timedelta(minutes=30, seconds=5), django_capture_on_commit_callbacks)
    dispatch(NOW + timedelta(minutes=31), django_capture_on_commit_callbacks)
    [message] = mail.outbox
    assert message.to == [alice.email]
    assert message.subject == "The time you chose to come back"
    body = message.body
    assert "A note you asked for" in body and "whenever you are ready" in body
    assert paused.path in body


def test_coming_back_early_withdraws_the_note(
    alice_client, partnership, paused, django_capture_on_commit_callbacks
):
    with time_machine.travel(NOW + timedelta(minutes=10), tick=False):
        response = alice_client.post(
            url("pause_end", partnership, paused.pk), {"next": paused.path}
        )
    assert response.status_code == 302 and response["Location"] == paused.path
    paused.refresh_from_db()
    assert paused.ended_at == NOW + timedelta(minutes=10)
    assert not PartnerNotice.objects.exists()
    dispatch(NOW + timedelta(hours=1), django_capture_on_commit_callbacks)
    assert mail.outbox == []


def test_the_partner_can_end_it_too(bob_client, partnership, paused, conversation):
    with time_machine.travel(NOW + timedelta(minutes=10), tick=False):
        bob_client.post(url("pause_end", partnership, paused.pk))
        page = bob_client.get(conversation.get_absolute_url()).content.decode()
    assert "asked for a pause" not in page
    assert Pause.objects.get().ended_at is not None


def test_once_the_time_has_come_the_page_shows_no_pause(bob_client, paused, conversation):
    with time_machine.travel(NOW + timedelta(minutes=31), tick=False):
        page = bob_client.get(conversation.get_absolute_url()).content.decode()
    assert "asked for a pause" not in page


@pytest.mark.parametrize("minutes", ["5", "1441", "abc", ""])
def test_a_time_outside_twenty_minutes_to_a_day_says_why(alice_client, partnership, minutes):
    response = alice_client.post(url("pause", partnership), {"minutes": minutes})
    assert response.status_code == 422
    assert "from 20 minutes to a day" in response.content.decode()
    assert not Pause.objects.exists()


def test_the_pause_page_works_without_javascript(alice_client, partnership, conversation):
    back = conversation.get_absolute_url()
    page = alice_client.get(url("pause", partnership) + f"?next={back}").content.decode()
    assert "I will be back in" in page and f'value="{back}"' in page


def test_a_return_path_outside_the_space_comes_back_home(alice_client, partnership):
    response = alice_client.post(
        url("pause", partnership), {"minutes": 20, "next": "https://elsewhere.example/"}
    )
    assert response["Location"] == partnership.get_absolute_url()
    assert Pause.objects.get().path == partnership.get_absolute_url()


def test_a_new_pause_replaces_the_running_one(alice_client, partnership, paused):
    with time_machine.travel(NOW + timedelta(minutes=5), tick=False):
        alice_client.post(url("pause", partnership), {"minutes": 60})
    assert Pause.objects.filter(ended_at__isnull=True).count() == 1
    assert PartnerNotice.objects.get().due_at == NOW + timedelta(minutes=65)


def test_someone_who_turned_these_emails_off_gets_none(alice, partnership, alice_client):
    notifications.preference_save(user=alice, activity_emails=ActivityEmails.OFF)
    alice_client.post(url("pause", partnership), {"minutes": 20})
    assert Pause.objects.exists() and not PartnerNotice.objects.exists()


def test_ending_the_space_ends_the_pause_and_its_note(
    partnership, bob, paused, django_capture_on_commit_callbacks
):
    with time_machine.travel(NOW + timedelta(minutes=5), tick=False):
        partnership_leave(partnership=partnership, user=bob)
    paused.refresh_from_db()
    assert paused.ended_at is not None
    dispatch(NOW + timedelta(hours=1), django_capture_on_commit_callbacks)
    assert not [m for m in mail.outbox if m.subject == "The time you chose to come back"]
