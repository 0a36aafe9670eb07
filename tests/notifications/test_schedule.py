"""The slot arithmetic alone: local wall-clock times across DST, months and fortnights."""

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from trustapp.notifications.schedule import DIGEST_AT, next_daily, next_slot

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")


def slot(
    after, *, cadence="weekly", weekday=6, day_of_month=1, at=time(18), zone=BERLIN, anchor=None
):
    return next_slot(
        cadence=cadence,
        weekday=weekday,
        day_of_month=day_of_month,
        local_time=at,
        zone=zone,
        anchor=anchor,
        after=after,
    )


def utc(*args):
    return datetime(*args, tzinfo=UTC)


def test_a_weekly_slot_keeps_its_local_time_when_berlin_springs_forward():
    before = slot(utc(2026, 3, 20))  # Sunday 22 March, still winter time
    after = slot(before)  # Sunday 29 March, summer time
    assert before == utc(2026, 3, 22, 17)
    assert after == utc(2026, 3, 29, 16)
    assert after.astimezone(BERLIN).hour == 18


def test_a_time_that_does_not_exist_in_berlin_moves_forward():
    # 02:30 on 29 March 2026 is skipped by the clocks: the reminder comes at 03:30.
    found = slot(utc(2026, 3, 28), at=time(2, 30))
    assert found == utc(2026, 3, 29, 1, 30)
    assert found.astimezone(BERLIN).strftime("%H:%M %Z") == "03:30 CEST"


def test_a_time_that_happens_twice_in_berlin_is_the_first_and_only_once():
    first = slot(utc(2026, 10, 24), at=time(2, 30))
    assert first == utc(2026, 10, 25, 0, 30)  # 02:30 CEST, the first of the two
    assert slot(first, at=time(2, 30)) == utc(2026, 11, 1, 1, 30)  # a week later, not an hour


def test_new_york_reminders_follow_both_dst_changes():
    spring = slot(utc(2026, 3, 7), zone=NEW_YORK, at=time(2, 30))  # 8 March, 02:30 does not exist
    assert spring.astimezone(NEW_YORK).strftime("%d %H:%M %Z") == "08 03:30 EDT"
    fall = slot(utc(2026, 10, 31), zone=NEW_YORK, at=time(1, 30))  # 1 Nov, 01:30 happens twice
    assert fall == utc(2026, 11, 1, 5, 30)  # 01:30 EDT, the first
    assert slot(fall, zone=NEW_YORK, at=time(1, 30)) == utc(2026, 11, 8, 6, 30)  # 01:30 EST


def test_monthly_on_the_31st_lands_on_the_last_day_of_shorter_months_and_comes_back():
    found, after = [], utc(2027, 1, 1)
    for _ in range(4):
        after = slot(after, cadence="monthly", day_of_month=31, at=time(9))
        found.append(after.astimezone(BERLIN).date())
    assert found == [date(2027, 1, 31), date(2027, 2, 28), date(2027, 3, 31), date(2027, 4, 30)]


def test_monthly_on_the_31st_in_a_leap_year_is_the_29th_of_february():
    assert slot(utc(2028, 2, 1), cadence="monthly", day_of_month=31).date() == date(2028, 2, 29)


def test_every_two_weeks_keeps_to_the_weeks_of_its_anchor():
    anchor = date(2026, 5, 3)  # a Sunday
    first = slot(utc(2026, 5, 4), cadence="fortnightly", anchor=anchor)
    assert first.astimezone(BERLIN).date() == date(2026, 5, 17)
    assert slot(first, cadence="fortnightly", anchor=anchor).astimezone(BERLIN).date() == date(
        2026, 5, 31
    )


def test_off_has_no_slot():
    assert slot(utc(2026, 1, 1), cadence="off") is None


def test_the_daily_digest_is_at_six_in_the_evening_local_time():
    assert next_daily(DIGEST_AT, NEW_YORK, utc(2026, 7, 1, 12)) == utc(2026, 7, 1, 22)
    assert next_daily(DIGEST_AT, NEW_YORK, utc(2026, 7, 1, 23)) == utc(2026, 7, 2, 22)
