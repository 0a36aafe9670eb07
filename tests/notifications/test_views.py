"""The reminder settings page, and the links from emails that need no sign-in."""

from datetime import UTC, datetime, time, timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from tests.notifications.conftest import set_preference
from trustapp.notifications.models import ReminderPreference
from trustapp.notifications.tokens import make_token

pytestmark = [pytest.mark.django_db, pytest.mark.embedded]

SETTINGS = reverse("notifications:settings")

VALID = {
    "cadence": "fortnightly",
    "weekday": "2",
    "day_of_month": "1",
    "local_time": "07:45",
    "time_zone": "Asia/Tokyo",
    "activity_emails": "each",
}


# -- Settings page ----------------------------------------------------------------------


def test_it_shows_gentle_defaults_in_the_persons_own_zone_without_saving(alice_client, bob):
    response = alice_client.get(SETTINGS)
    assert response.status_code == 200
    assert response.context["form"]["time_zone"].value() == "Europe/Berlin"
    assert response.context["form"]["cadence"].value() == "weekly"
    assert not ReminderPreference.objects.exists()
    assert b'aria-current="page"' in response.content


def test_it_saves_choices_and_tells_when_the_next_reminder_comes(alice_client, alice, partnership):
    with time_machine.travel(datetime(2026, 6, 1, 6, tzinfo=UTC), tick=False):
        response = alice_client.post(SETTINGS, VALID)
        assert response.status_code == 302
        page = alice_client.get(SETTINGS)
    preference = ReminderPreference.objects.get(user=alice)
    assert preference.cadence == "fortnightly"
    assert preference.local_time == time(7, 45)
    assert preference.next_run_at == datetime(2026, 6, 2, 22, 45, tzinfo=UTC)  # Wed 07:45 Tokyo
    assert "Wednesday 3 June, 07:45 (Asia/Tokyo)" in page.content.decode()


def test_it_shows_when_the_default_reminder_would_come_before_anything_is_saved(
    alice_client, partnership
):
    with time_machine.travel(datetime(2026, 6, 1, 6, tzinfo=UTC), tick=False):
        response = alice_client.get(SETTINGS)
    assert "Sunday 7 June, 18:00 (Europe/Berlin)" in response.content.decode()


def test_it_says_reminders_wait_for_a_partner(alice_client):
    response = alice_client.get(SETTINGS)
    assert "once your partner has joined" in response.content.decode()


def test_bad_input_is_explained_and_kept(alice_client):
    response = alice_client.post(
        SETTINGS,
        VALID | {"local_time": "half past", "time_zone": "Mars/Olympus", "day_of_month": "40"},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Please enter a time like 18:30." in body
    assert "Please pick a time zone from the list" in body
    assert "Please pick a day from 1 to 31." in body
    assert 'value="Mars/Olympus"' in body and 'value="half past"' in body
    assert not ReminderPreference.objects.exists()


def test_it_rejects_other_methods(alice_client):
    assert alice_client.put(SETTINGS).status_code == 405
    assert alice_client.get(reverse("notifications:pause")).status_code == 405


def test_signed_out_visitors_are_sent_to_sign_in(client):
    response = client.get(SETTINGS)
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_htmx_gets_the_settings_region_only(alice_client, htmx_headers, partnership):
    response = alice_client.post(SETTINGS, VALID, headers=htmx_headers)
    assert response.status_code == 200
    body = response.content.decode()
    assert body.lstrip().startswith('<div id="reminder-settings">')
    assert "Saved." in body
    assert "<html" not in body
    errors = alice_client.post(SETTINGS, VALID | {"local_time": "x"}, headers=htmx_headers)
    assert errors.content.decode().lstrip().startswith('<div id="reminder-settings">')
    assert "Please enter a time like 18:30." in errors.content.decode()


def test_each_person_only_ever_sees_their_own_settings(alice_client, bob, partnership):
    set_preference(bob, cadence="monthly", day_of_month=9)
    response = alice_client.get(SETTINGS)
    assert response.context["form"]["cadence"].value() == "weekly"


def test_pause_and_resume_from_the_settings_page(alice_client, alice, partnership):
    set_preference(alice, cadence="weekly")
    response = alice_client.post(reverse("notifications:pause"), follow=True)
    assert "Paused until" in response.content.decode()
    assert ReminderPreference.objects.get(user=alice).is_paused()
    alice_client.post(reverse("notifications:resume"))
    assert not ReminderPreference.objects.get(user=alice).is_paused()


# -- Links from emails ------------------------------------------------------------------


def unsubscribe_url(user, what="reminders"):
    return reverse("notifications:unsubscribe", args=[make_token(user, what)])


def test_one_click_unsubscribe_works_with_one_post_and_no_session(alice, partnership):
    set_preference(alice, cadence="weekly")
    client = Client(enforce_csrf_checks=True)
    response = client.post(unsubscribe_url(alice), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert ReminderPreference.objects.get(user=alice).cadence == "off"
    assert ReminderPreference.objects.get(user=alice).next_run_at is None


def test_the_unsubscribe_link_asks_first_and_changes_nothing_on_get(alice, partnership):
    set_preference(alice, cadence="weekly")
    client = Client()
    page = client.get(unsubscribe_url(alice))
    assert page.status_code == 200
    assert "Stop check-in reminders?" in page.content.decode()
    assert ReminderPreference.objects.get(user=alice).cadence == "weekly"
    response = client.post(unsubscribe_url(alice))
    assert response.status_code == 302
    assert "Reminders are off" in client.get(response["Location"]).content.decode()


def test_the_activity_link_stops_activity_emails_only(alice):
    Client().post(unsubscribe_url(alice, "activity"), {"List-Unsubscribe": "One-Click"})
    preference = ReminderPreference.objects.get(user=alice)
    assert (preference.activity_emails, preference.cadence) == ("off", "weekly")


def test_a_tampered_or_wrong_link_says_plainly_what_happened_and_changes_nothing(alice):
    set_preference(alice, cadence="weekly")
    token, snooze_token = make_token(alice, "reminders"), make_token(alice, "snooze")
    unsubscribe, snooze = "notifications:unsubscribe", "notifications:snooze"
    asked = [
        ("get", reverse(unsubscribe, args=[token[:-3]])),  # cut short
        ("post", reverse(unsubscribe, args=[token + "x"])),
        ("post", reverse(unsubscribe, args=[snooze_token])),  # another email's link
        ("get", reverse(snooze, args=[token])),
        ("get", reverse(snooze, args=["not-a-token"])),
    ]
    for method, url in asked:
        response = getattr(Client(), method)(url, {"List-Unsubscribe": "One-Click"})
        assert response.status_code == 400, url
        assert "notifications/link_problem.html" in [t.name for t in response.templates]
        page = response.content.decode()
        assert "This link does not work" in page and "Nothing was changed." in page
        assert f'href="{SETTINGS}"' in page and "Sign in" in page
        assert 'class="site-header"' in page  # the site's own look
    preference = ReminderPreference.objects.get(user=alice)
    assert (preference.cadence, preference.paused_until) == ("weekly", None)


def test_a_link_of_a_deleted_account_does_not_work(alice):
    token = make_token(alice, "snooze")
    alice.is_active = False
    alice.save(update_fields=["is_active"])
    response = Client().get(reverse("notifications:snooze", args=[token]))
    assert response.status_code == 400
    assert "This link does not work" in response.content.decode()


def test_an_old_link_has_expired_and_points_to_the_settings(alice):
    with time_machine.travel(datetime(2026, 1, 1, tzinfo=UTC), tick=False):
        url = unsubscribe_url(alice)
    with time_machine.travel(datetime(2026, 1, 1, tzinfo=UTC) + timedelta(days=91), tick=False):
        response = Client().post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 410
    assert SETTINGS in response.content.decode()
    assert not ReminderPreference.objects.filter(cadence="off").exists()


def test_snooze_works_without_signing_in_and_asks_first(alice, partnership):
    set_preference(alice, cadence="weekly")
    url = reverse("notifications:snooze", args=[make_token(alice, "snooze")])
    client = Client(enforce_csrf_checks=True)
    page = client.get(url)
    assert "Pause reminders for two weeks?" in page.content.decode()
    assert not ReminderPreference.objects.get(user=alice).is_paused()
    csrf = page.cookies["csrftoken"].value
    response = client.post(url, {"csrfmiddlewaretoken": csrf})
    assert response.status_code == 302
    assert "Nothing until" in client.get(url).content.decode()
    assert ReminderPreference.objects.get(user=alice).is_paused()


def test_snooze_rejects_other_methods(alice):
    url = reverse("notifications:snooze", args=[make_token(alice, "snooze")])
    assert Client().delete(url).status_code == 405
    assert Client().put(unsubscribe_url(alice)).status_code == 405
