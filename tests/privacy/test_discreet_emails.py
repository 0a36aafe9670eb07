"""Discreet mode: every kind of email says only "You have an update", with no names and
no words from the app, neither in the subject, nor in the preview, nor above the link."""

from datetime import UTC, datetime, time, timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from tests.conftest import client_for
from tests.support.mail import last_message_to
from trustapp.couples import emails as couples_emails
from trustapp.couples import services as couples
from trustapp.notifications import services as reminders
from trustapp.notifications.notify import notify_partner

GENERIC = "You have an update"


def html_of(message):
    [(html, _mimetype)] = message.alternatives
    return html


def assert_discreet(message, *, secrets, link=None):
    """Nothing personal anywhere; the link (if given) still there."""
    assert message.subject == GENERIC
    raw = message.message().as_bytes().lower()
    for kind in (b"reminder", b"digest"):
        assert kind not in raw, [line for line in raw.splitlines() if kind in line]
    html = html_of(message)
    for part in (message.subject, message.body, html):
        for secret in secrets:
            assert secret not in part, f"{secret!r} leaked into:\n{part}"
    assert message.body.startswith("You have an update."), "the preview says nothing more"
    if link:
        assert link in message.body
        assert f'href="{link}"' in html


@pytest.fixture
def discreet(db):
    def turn_on(user):
        user.discreet_emails = True
        user.save(update_fields=["discreet_emails"])
        return user

    return turn_on


def test_the_privacy_page_turns_it_on(alice_client, alice):
    response = alice_client.post(reverse("privacy:privacy"), {"discreet_emails": "on"})
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.discreet_emails


def test_the_privacy_page_answers_htmx_with_its_form(alice_client, alice, htmx_headers):
    response = alice_client.post(
        reverse("privacy:privacy"), {"discreet_emails": "on"}, headers=htmx_headers
    )
    assert response.status_code == 200
    assert "<html" not in response.content.decode()
    assert "Discreet emails are on" in response.content.decode()


def test_the_privacy_page_needs_sign_in_and_rejects_other_methods(client, alice_client):
    assert client.get(reverse("privacy:privacy")).status_code == 302
    assert alice_client.put(reverse("privacy:privacy")).status_code == 405


def test_without_it_emails_say_who_and_what(partnership, alice, bob):
    couples_emails.send_partner_left(partnership=partnership, leaver=bob, partner=alice)
    message = last_message_to(alice.email)
    assert "Bob" in message.subject


def test_an_invitation_to_someone_with_an_account(partnership, alice, carol, discreet):
    discreet(carol)
    couples_emails.send_invitation(
        invitation=type("I", (), {"created_by": alice, "email": carol.email})(), token="tok"
    )
    message = last_message_to(carol.email)
    link = "http://127.0.0.1:8000" + reverse("couples:invitation", args=["tok"])
    assert_discreet(message, secrets=["Alice", "Carol", "invited", "Trustapp:"], link=link)


def test_an_invitation_sent_through_the_app(
    partnership, alice, carol, discreet, django_capture_on_commit_callbacks
):
    from trustapp.couples.models import Membership

    Membership.objects.filter(partnership=partnership, slot=2).delete()
    discreet(carol)
    with django_capture_on_commit_callbacks(execute=True):
        couples.invitation_create(partnership=partnership, created_by=alice, email=carol.email)
    assert_discreet(last_message_to(carol.email), secrets=["Alice", "Carol"])


def test_a_partner_left_notice(
    partnership, alice, bob, discreet, django_capture_on_commit_callbacks
):
    discreet(alice)
    with django_capture_on_commit_callbacks(execute=True):
        couples.partnership_leave(partnership=partnership, user=bob)
    assert_discreet(
        last_message_to(alice.email),
        secrets=["Bob", "Alice", "left"],
        link="http://127.0.0.1:8000" + partnership.get_absolute_url(),
    )


def test_a_partner_deleted_their_account_notice(
    partnership, alice, bob, discreet, django_capture_on_commit_callbacks
):
    discreet(bob)
    with django_capture_on_commit_callbacks(execute=True):
        client_for(alice).post(reverse("privacy:delete"), {"password": "a-long-kind-password-42"})
    assert_discreet(last_message_to(bob.email), secrets=["Alice", "Bob", "account"])


def test_a_download_is_ready_notice(alice, discreet, settings, django_capture_on_commit_callbacks):
    settings.EXPORT_DIRECT_MAX_ROWS = -1
    discreet(alice)
    with django_capture_on_commit_callbacks(execute=True):
        client_for(alice).post(reverse("privacy:export"))
    assert_discreet(last_message_to(alice.email), secrets=["Alice", "download"])


def at(*args):
    return datetime(*args, tzinfo=UTC)


def test_a_check_in_reminder_keeps_its_stop_link(
    partnership, alice, discreet, django_capture_on_commit_callbacks
):
    discreet(alice)
    with time_machine.travel(at(2026, 6, 1, 6), tick=False):
        reminders.preference_save(
            user=alice, cadence="weekly", weekday=0, local_time=time(19), time_zone="UTC"
        )
    with time_machine.travel(at(2026, 6, 1, 19, 0, 5), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            reminders.reminders_dispatch()
    message = last_message_to(alice.email)
    assert_discreet(message, secrets=["Alice", "Bob", "check in", "nudge"])
    assert message.extra_headers["List-Unsubscribe"][1:-1] in message.body


def test_a_partner_activity_email(
    partnership, alice, bob, discreet, django_capture_on_commit_callbacks
):
    discreet(bob)
    with time_machine.travel(at(2026, 6, 2, 9), tick=False):
        reminders.preference_save(user=bob, activity_emails="each")
        notify_partner(
            partnership=partnership,
            recipient=bob,
            actor=alice,
            kind="appreciation",
            subject="Alice appreciated something you did",
            message="Alice wrote down the soup you made.",
            path=f"/p/{partnership.public_id}/appreciations/",
        )
    with time_machine.travel(at(2026, 6, 2, 9) + timedelta(minutes=1), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            reminders.partner_notices_dispatch()
    message = last_message_to(bob.email)
    assert_discreet(message, secrets=["Alice", "Bob", "soup", "appreciated"])


def test_allauth_security_emails_say_nothing_about_a_partner(alice_client, alice, discreet):
    """Password and sign-in emails never carry partner names or words in the first place."""
    discreet(alice)
    mail.outbox.clear()
    alice_client.post(reverse("account_reset_password"), {"email": alice.email})
    for message in mail.outbox:
        assert "Bob" not in message.subject + message.body
