"""The check-in pages offer the next check-in as a file for one's own calendar."""

from datetime import datetime, time
from zoneinfo import ZoneInfo

import time_machine
from django.urls import reverse
from icalendar import Calendar

from trustapp.couples.services import partnership_leave
from trustapp.notifications.services import preference_save


def url(partnership):
    return reverse("checkins:next_ics", args=[partnership.public_id])


@time_machine.travel(datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("UTC")), tick=False)
def test_it_is_one_event_at_the_next_reminder_time_without_a_rule(bob_client, bob, partnership):
    preference_save(user=bob, cadence="weekly", weekday=3, local_time=time(20, 0))
    response = bob_client.get(url(partnership))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="check-in.ics"'
    [event] = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Check-in with Alice"
    assert event.decoded("DTSTART") == datetime(
        2026, 3, 5, 20, 0, tzinfo=ZoneInfo("America/New_York")
    )
    assert "RRULE" not in event


def test_the_check_in_page_links_to_it_as_a_download(alice_client, partnership):
    body = alice_client.get(reverse("checkins:history", args=[partnership.public_id])).content
    assert f'href="{url(partnership)}" download hx-boost="false"'.encode() in body


def test_an_outsider_gets_404(carol_client, partnership):
    assert carol_client.get(url(partnership)).status_code == 404


def test_a_space_that_ended_has_no_next_check_in(alice_client, bob, partnership):
    partnership_leave(partnership=partnership, user=bob)
    assert alice_client.get(url(partnership)).status_code == 404


def test_it_only_answers_get(alice_client, partnership):
    assert alice_client.post(url(partnership)).status_code == 405
