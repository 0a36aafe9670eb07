"""When a reminder is due: pure date arithmetic on local wall-clock times, no database.

A slot is a local date and time in the person's own zone. Converting it to UTC uses
zoneinfo with fold=0, which gives the two answers we want around daylight saving:
- a time that does not exist (the clock jumps from 02:00 to 03:00) moves forward by the
  gap, so 02:30 becomes 03:30;
- a time that happens twice (the clock falls back) is the first of the two.
"""

import calendar
from datetime import UTC, datetime, time, timedelta

WEEKLY = "weekly"
FORTNIGHTLY = "fortnightly"
MONTHLY = "monthly"
OFF = "off"

# A reminder never comes again sooner than half its cadence after the last one,
# whatever the person changes in between (a new zone, another weekday).
MIN_GAP = {
    WEEKLY: timedelta(days=3, hours=12),
    FORTNIGHTLY: timedelta(days=7),
    MONTHLY: timedelta(days=14),
}


def local_to_utc(day, at, zone):
    return datetime.combine(day, at).replace(tzinfo=zone, fold=0).astimezone(UTC)


def monday_of(day):
    return day - timedelta(days=day.weekday())


def _month_day(year, month, day_of_month):
    """The day in this month, or its last day when the month is shorter (the 31st in April)."""
    return datetime(year, month, min(day_of_month, calendar.monthrange(year, month)[1])).date()


def _candidate_days(*, cadence, weekday, day_of_month, anchor, start):
    """Local dates that carry a slot, in order, from `start` on (a few are always enough)."""
    if cadence == MONTHLY:
        year, month = start.year, start.month
        for _ in range(4):
            day = _month_day(year, month, day_of_month)
            if day >= start:
                yield day
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return
    first = start + timedelta(days=(weekday - start.weekday()) % 7)
    step = 7
    if cadence == FORTNIGHTLY:
        step = 14
        if anchor is not None and ((monday_of(first) - monday_of(anchor)).days // 7) % 2:
            first += timedelta(days=7)
    for index in range(4):
        yield first + timedelta(days=step * index)


def next_slot(*, cadence, weekday, day_of_month, local_time, zone, anchor, after):
    """The first slot strictly after the UTC instant `after`, as an aware UTC datetime.

    `anchor` is a local date that carries a slot; it only matters every two weeks, where it
    says which weeks are "on". Returns None when the cadence is off.
    """
    if cadence == OFF:
        return None
    start = after.astimezone(zone).date() - timedelta(days=1)
    for day in _candidate_days(
        cadence=cadence, weekday=weekday, day_of_month=day_of_month, anchor=anchor, start=start
    ):
        at = local_to_utc(day, local_time, zone)
        if at > after:
            return at
    raise AssertionError("no slot found")  # unreachable: four candidates span > a period


def next_daily(at, zone, after):
    """The next time the local clock shows `at` after `after` (the daily digest)."""
    start = after.astimezone(zone).date()
    for offset in range(3):
        slot = local_to_utc(start + timedelta(days=offset), at, zone)
        if slot > after:
            return slot
    raise AssertionError("no daily slot found")


DIGEST_AT = time(18, 0)
