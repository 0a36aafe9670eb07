"""The private calendar feed: RFC 5545 that parses back, the person's own dates only, in
their own zone and rhythm; a forged, older or switched-off address is a 404."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from dateutil.rrule import rrulestr
from django.core import signing
from django.utils import timezone

from tests.agreements.conftest import in_force
from tests.calendar.conftest import events_by_title, read_feed
from trustapp.calendar.models import SALT
from trustapp.calendar.services import feed_turn_on
from trustapp.checkins.models import CheckIn, CheckInSchedule
from trustapp.couples.services import partnership_leave
from trustapp.notifications.services import preference_save

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("UTC"))  # a Monday


@pytest.fixture(autouse=True)
def monday():
    with time_machine.travel(NOW, tick=False):
        yield


def test_it_is_valid_icalendar_with_the_next_check_in_at_the_reminder_time(
    client, alice, partnership, alice_feed
):
    preference_save(
        user=alice,
        cadence="weekly",
        weekday=6,
        local_time=time(19, 30),
        time_zone="Europe/Berlin",
    )
    calendar, text = read_feed(client, alice_feed)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Berlin"
    event = events_by_title(calendar)["Check-in with Bob"]
    start = event.decoded("DTSTART")
    assert start == datetime(2026, 3, 8, 19, 30, tzinfo=ZoneInfo("Europe/Berlin"))
    assert "DTSTART;TZID=Europe/Berlin:20260308T193000" in text
    assert event.decoded("DURATION") == timedelta(minutes=30)
    assert event["RRULE"].to_ical() == b"FREQ=WEEKLY;BYDAY=SU"
    assert event["URL"].endswith(f"/p/{partnership.public_id}/check-ins/")
    # Across the change to summer time it stays at half past seven, Berlin time.
    rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=start)
    after_change = rule[4]
    assert (after_change.date(), after_change.hour, after_change.minute) == (
        date(2026, 4, 5),
        19,
        30,
    )
    assert after_change.utcoffset() == timedelta(hours=2)


def test_fortnightly_and_end_of_month_rhythms_become_the_same_rules(
    client, alice, partnership, alice_feed
):
    preference_save(user=alice, cadence="fortnightly", weekday=2, local_time=time(8, 0))
    calendar, _text = read_feed(client, alice_feed)
    rule = events_by_title(calendar)["Check-in with Bob"]["RRULE"]
    assert rule.to_ical() == b"FREQ=WEEKLY;INTERVAL=2;BYDAY=WE"

    preference_save(user=alice, cadence="monthly", day_of_month=31, local_time=time(8, 0))
    calendar, _text = read_feed(client, alice_feed)
    event = events_by_title(calendar)["Check-in with Bob"]
    rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=event.decoded("DTSTART"))
    # The 31st means the last day of shorter months, as the reminders do.
    assert [day.date() for day in rule[:3]] == [
        date(2026, 3, 31),
        date(2026, 4, 30),
        date(2026, 5, 31),
    ]


def test_without_reminders_the_day_the_next_check_in_is_due(client, alice, partnership, alice_feed):
    CheckIn.objects.create(partnership=partnership, opened_at=NOW - timedelta(days=2))
    CheckInSchedule.objects.create(partnership=partnership, cadence="fortnightly")
    preference_save(user=alice, cadence="off")
    calendar, _text = read_feed(client, alice_feed)
    event = events_by_title(calendar)["Check-in with Bob"]
    assert event.decoded("DTSTART") == date(2026, 3, 14)
    assert "RRULE" not in event


def test_revisit_dates_of_agreements_in_force_are_all_day_events(
    client, alice, bob, partnership, alice_feed
):
    in_force(partnership, alice, bob, title="Phones away at dinner", revisit_on=date(2026, 5, 1))
    in_force(partnership, alice, bob, title="Long gone", revisit_on=date(2025, 5, 1))
    calendar, _text = read_feed(client, alice_feed)
    titles = events_by_title(calendar)
    event = titles["Look again at: Phones away at dinner"]
    assert event.decoded("DTSTART") == date(2026, 5, 1)
    assert "Look again at: Long gone" not in titles


def test_it_never_lists_another_persons_events(
    client, alice, bob, carol, dave, partnership, other_partnership, alice_feed
):
    in_force(other_partnership, carol, dave, title="Carol's secret", revisit_on=date(2026, 5, 1))
    preference_save(user=carol, cadence="weekly", weekday=0, local_time=time(7, 0))
    carol_feed = feed_turn_on(user=carol)
    calendar, text = read_feed(client, alice_feed)
    assert set(events_by_title(calendar)) == {"Check-in with Bob"}
    assert "Carol" not in text and "Dave" not in text
    _calendar, carol_text = read_feed(client, carol_feed)
    assert "Check-in with Dave" in carol_text and "Bob" not in carol_text
    # The same check-in in Bob's feed is Bob's own event, not Alice's.
    bob_calendar, _text = read_feed(client, feed_turn_on(user=bob))
    bob_uid = events_by_title(bob_calendar)["Check-in with Alice"]["UID"]
    assert bob_uid != events_by_title(calendar)["Check-in with Bob"]["UID"]


def test_a_space_that_ended_leaves_the_calendar(client, alice, bob, partnership, alice_feed):
    in_force(partnership, alice, bob, title="Phones away", revisit_on=date(2026, 5, 1))
    partnership_leave(partnership=partnership, user=bob)
    calendar, _text = read_feed(client, alice_feed)
    assert calendar.walk("VEVENT") == []


def test_discreet_mode_makes_every_event_neutral(client, alice, bob, partnership, alice_feed):
    alice.discreet_emails = True
    alice.save(update_fields=["discreet_emails"])
    preference_save(user=alice, cadence="weekly", weekday=6, local_time=time(19, 30))
    in_force(partnership, alice, bob, title="Phones away at dinner", revisit_on=date(2026, 5, 1))
    calendar, text = read_feed(client, alice_feed)
    assert [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")] == ["Reminder"] * 2
    for word in ("Bob", "Phones", "Trustapp", "check-in", "agreement", partnership.public_id):
        assert word.lower() not in text.lower(), word
    assert all("URL" not in e and "DESCRIPTION" not in e for e in calendar.walk("VEVENT"))


def test_a_new_address_stops_the_old_one(client, alice, partnership, alice_feed):
    old = alice_feed.get_absolute_url()
    alice_feed.renew()
    assert client.get(old).status_code == 404
    assert client.get(alice_feed.get_absolute_url()).status_code == 200


def test_an_address_switched_off_is_a_404_even_after_switching_on_again(
    client, alice, partnership, alice_feed
):
    old = alice_feed.get_absolute_url()
    alice_feed.turn_off()
    assert client.get(old).status_code == 404
    feed = feed_turn_on(user=alice)
    assert client.get(old).status_code == 404
    assert client.get(feed.get_absolute_url()).status_code == 200


@pytest.mark.parametrize(
    "token",
    [
        "x",
        "WzEsMV0:1vQHf0:forged",
        signing.dumps([1, 1], salt="another.purpose", compress=True),
        signing.dumps("1", salt=SALT),
        signing.Signer(salt="another.purpose").sign_object([1, 1], compress=True),
        signing.Signer(salt=SALT).sign_object("1"),
    ],
    # signed values vary
    ids=["junk", "bad signature", "another purpose", "not a feed", "untimed other", "untimed one"],
)
def test_a_forged_address_is_a_404(client, alice_feed, token):
    assert client.get(f"/cal/{token}.ics").status_code == 404


def test_the_address_is_the_same_from_one_visit_to_the_next(alice_feed):
    address = alice_feed.get_absolute_url()
    with time_machine.travel(timezone.now() + timedelta(hours=1, seconds=1)):
        assert alice_feed.get_absolute_url() == address


def test_an_address_made_while_addresses_carried_a_time_still_opens_the_feed(client, alice_feed):
    token = signing.dumps([alice_feed.pk, alice_feed.generation], salt=SALT, compress=True)
    assert client.get(f"/cal/{token}.ics").status_code == 200
    alice_feed.renew()
    assert client.get(f"/cal/{token}.ics").status_code == 404


def test_an_address_made_for_one_person_cannot_be_pointed_at_another(
    client, alice_feed, bob, partnership
):
    bob_feed = feed_turn_on(user=bob)
    token = signing.dumps([bob_feed.pk, alice_feed.generation + 5], salt=SALT, compress=True)
    assert client.get(f"/cal/{token}.ics").status_code == 404


def test_a_deleted_account_has_no_feed(client, alice, alice_feed):
    from trustapp.privacy.deletion import account_delete

    url = alice_feed.get_absolute_url()
    account_delete(user=alice)
    assert client.get(url).status_code == 404


def test_it_only_answers_get(client, alice_feed):
    assert client.post(alice_feed.get_absolute_url()).status_code == 405


def test_it_is_not_kept_by_caches_or_search_engines(client, alice_feed, partnership):
    response = client.get(alice_feed.get_absolute_url())
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"


def test_times_follow_the_person_when_they_move(client, alice, partnership, alice_feed):
    preference_save(
        user=alice,
        cadence="weekly",
        weekday=6,
        local_time=time(19, 30),
        time_zone="America/New_York",
    )
    calendar, text = read_feed(client, alice_feed)
    assert "DTSTART;TZID=America/New_York:20260308T193000" in text
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["America/New_York"]
    assert timezone.now() == NOW


def test_it_is_written_in_the_language_of_the_person_not_of_the_calendar_app(
    client, alice, partnership, alice_feed
):
    """A calendar app fetches the feed with its own Accept-Language; the events follow the
    profile of the person whose feed it is."""
    CheckIn.objects.create(partnership=partnership, opened_at=NOW - timedelta(days=2))
    CheckInSchedule.objects.create(partnership=partnership, cadence="fortnightly")
    preference_save(user=alice, cadence="off")
    alice.language = "de"
    alice.save(update_fields=["language"])
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "fr"
    calendar, _text = read_feed(client, alice_feed)
    assert "Check-in mit Bob" in events_by_title(calendar)
