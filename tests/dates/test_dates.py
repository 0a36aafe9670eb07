"""Our dates: either partner names the days that matter, changes or removes them without
losing the other's change; the near ones show on the home and come to both calendars."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.agreements.conftest import leave
from tests.calendar.conftest import events_by_title, read_feed
from tests.dates.conftest import make_date, url
from trustapp.calendar.services import feed_turn_on
from trustapp.dates.models import OurDate
from trustapp.privacy.dates import export_partnership
from trustapp.privacy.rules import Scope

# Berlin noon on 2 March 2026.
NOW = datetime(2026, 3, 2, 11, 0, tzinfo=ZoneInfo("UTC"))


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(NOW, tick=False):
        yield date(2026, 3, 2)


# Adding


def test_alice_sets_the_day_they_got_together(alice_client, partnership, alice):
    response = alice_client.post(url("add", partnership), {"together": "1", "day": "2019-03-05"})
    together = OurDate.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"#date-{together.pk}")
    assert together.together_since and together.yearly and together.added_by == alice


def test_the_day_they_got_together_is_set_once(alice_client, bob_client, partnership):
    alice_client.post(url("add", partnership), {"together": "1", "day": "2019-03-05"})
    response = bob_client.post(url("add", partnership), {"together": "1", "day": "2018-01-01"})
    assert response.status_code == 409
    assert "already set" in response.content.decode()
    assert OurDate.objects.get().day == date(2019, 3, 5)


def test_bob_adds_a_one_off_day_in_their_own_words(bob_client, partnership):
    response = bob_client.post(
        url("add", partnership), {"name": "Sam’s wedding", "day": "2026-06-20"}
    )
    added = OurDate.objects.get()
    assert response.status_code == 302
    assert (added.name, added.yearly, added.together_since) == ("Sam’s wedding", False, False)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": "  ", "day": "2026-06-20"}, "Give the day a name"),
        ({"name": "Our trip", "day": "20/06/2026"}, "Please write the day as year-month-day"),
        ({"name": "Our trip", "day": ""}, "Please pick the day."),
        ({"name": "Our trip", "day": "1850-01-01"}, "Please pick a day after 1900."),
        ({"name": "x" * 81, "day": "2026-06-20"}, "Please keep it under 80 characters"),
    ],
    ids=["no name", "not a date", "no day", "too early", "too long"],
)
def test_bad_input_is_explained_and_what_was_typed_kept(alice_client, partnership, data, message):
    response = alice_client.post(url("add", partnership), data)
    body = response.content.decode()
    assert response.status_code == 422
    assert message in body
    assert data["day"] in body
    assert not OurDate.objects.exists()


def test_htmx_gets_the_list_with_the_new_day(alice_client, partnership, htmx_headers):
    response = alice_client.post(
        url("add", partnership),
        {"name": "First flat", "day": "2021-09-01", "yearly": "on"},
        headers=htmx_headers,
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith('<div id="dates">') and "First flat" in body


def test_adding_needs_post(alice_client, partnership):
    assert alice_client.get(url("add", partnership)).status_code == 405


# Changing and removing


def test_bob_changes_a_day_alice_added(bob_client, partnership, alice, bob):
    moved_in = make_date(partnership, alice)
    response = bob_client.post(
        url("edit", partnership, moved_in.pk),
        {"name": "Moving day", "day": "2020-03-15", "yearly": "on", "version": "0"},
    )
    moved_in.refresh_from_db()
    assert response.status_code == 302
    assert (moved_in.name, moved_in.day, moved_in.changed_by, moved_in.version) == (
        "Moving day",
        date(2020, 3, 15),
        bob,
        1,
    )


def test_a_change_made_at_the_same_time_is_not_lost(alice_client, bob_client, partnership, alice):
    moved_in = make_date(partnership, alice)
    form = {"day": "2020-03-14", "yearly": "on", "version": "0"}
    alice_client.post(url("edit", partnership, moved_in.pk), form | {"name": "Alice's words"})
    response = bob_client.post(
        url("edit", partnership, moved_in.pk), form | {"name": "Bob's words"}
    )
    body = response.content.decode()
    assert response.status_code == 409
    assert "Your partner changed this day while you were editing" in body
    assert "Alice&#x27;s words" in body and "Bob&#x27;s words" in body  # theirs shown, mine kept
    assert 'name="version" value="1"' in body
    assert OurDate.objects.get().name == "Alice's words"


def test_a_change_with_bad_input_is_explained(alice_client, partnership, alice):
    moved_in = make_date(partnership, alice)
    response = alice_client.post(
        url("edit", partnership, moved_in.pk), {"name": "", "day": "2020-03-14", "version": "0"}
    )
    assert response.status_code == 422
    assert "Give the day a name" in response.content.decode()


def test_either_removes_a_day(bob_client, partnership, alice):
    moved_in = make_date(partnership, alice)
    response = bob_client.post(url("remove", partnership, moved_in.pk))
    assert response.status_code == 302
    assert not OurDate.objects.exists()


def test_an_outsider_finds_nothing(carol_client, partnership, alice):
    moved_in = make_date(partnership, alice)
    assert carol_client.get(url("index", partnership)).status_code == 404
    assert carol_client.get(url("edit", partnership, moved_in.pk)).status_code == 404
    assert carol_client.post(url("remove", partnership, moved_in.pk)).status_code == 404
    assert OurDate.objects.exists()


def test_a_former_partner_reads_but_changes_nothing(alice_client, partnership, alice):
    moved_in = make_date(partnership, alice)
    leave(partnership)
    page = alice_client.get(url("index", partnership)).content.decode()
    assert "The day we moved in" in page and "read-only archive" in page
    response = alice_client.post(url("remove", partnership, moved_in.pk))
    assert response.status_code == 403
    assert OurDate.objects.exists()


# What is near


def test_the_home_shows_the_anniversary_in_three_days(alice_client, partnership, alice):
    make_date(partnership, alice, name="", together_since=True, day=date(2019, 3, 5))
    make_date(partnership, alice, name="Sam’s birthday", day=date(1990, 3, 16))
    make_date(partnership, alice, name="Later on", day=date(1990, 3, 17))
    body = alice_client.get(partnership.get_absolute_url()).content.decode()
    card = body.split('id="card-dates"')[1].split("</section>")[0]
    assert "Our anniversary" in card and "in 3 days" in card and "7 years together" in card
    assert "Sam’s birthday" in card and "in 14 days" in card
    assert "Later on" not in card


def test_a_one_off_day_gone_by_is_not_near_and_a_29_february_comes_on_the_28th(partnership, alice):
    from trustapp.dates.services import near

    gone = make_date(partnership, alice, name="Gone", day=date(2026, 3, 1), yearly=False)
    leap = make_date(partnership, alice, name="Leap", day=date(2024, 2, 29))
    assert gone.next_on(date(2026, 3, 2)) is None
    assert leap.next_on(date(2027, 2, 20)) == date(2027, 2, 28)
    assert [d.name for d in near([gone, leap], date(2027, 2, 20))] == ["Leap"]


# Calendar and privacy


def test_the_days_come_to_each_calendar_and_discreetly_when_asked(client, partnership, alice, bob):
    make_date(partnership, alice, name="", together_since=True, day=date(2019, 3, 5))
    make_date(partnership, alice, name="Sam’s wedding", day=date(2026, 6, 20), yearly=False)
    calendar, _text = read_feed(client, feed_turn_on(user=bob))
    events = events_by_title(calendar)
    assert events["Our anniversary"]["RRULE"]["FREQ"] == ["YEARLY"]
    assert events["Our anniversary"].decoded("DTSTART") == date(2019, 3, 5)
    assert "RRULE" not in events["Sam’s wedding"]
    alice.discreet_emails = True
    alice.save(update_fields=["discreet_emails"])
    _calendar, text = read_feed(client, feed_turn_on(user=alice))
    assert "anniversary" not in text and "wedding" not in text


def test_the_download_keeps_the_days_and_a_personal_copy_only_ones_own(partnership, alice, bob):
    make_date(partnership, alice, name="Alice's day")
    make_date(partnership, bob, name="Bob's day")
    seen = export_partnership(partnership, alice, Scope.SEEN)
    own = export_partnership(partnership, alice, Scope.OWN)
    assert {(d["name"], d["added_by"]) for d in seen} == {
        ("Alice's day", "you"),
        ("Bob's day", "partner"),
    }
    assert [d["name"] for d in own] == ["Alice's day"]
