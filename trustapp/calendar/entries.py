"""What a person's calendar shows: each app above adds its dates from its AppConfig.ready().

calendar imports none of those apps. `add(name, entries_of)` registers a function
`entries_of(user, partnerships)` -> [Entry], given the person and the active spaces they
belong to (memberships and users loaded); it returns only that person's dates.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

_sources = {}


@dataclass(frozen=True)
class Entry:
    key: str  # stable and unique for this person; turned into an opaque UID
    title: str
    start: date | datetime  # a date for an all-day entry, else an aware datetime
    path: str  # where in the app it leads
    duration: timedelta | None = None
    rrule: dict | None = None  # icalendar's vRecur keys: {"freq": "weekly", "byday": "SU"}
    description: str = ""


def add(name, entries_of):
    _sources[name] = entries_of


def entries_for(user, partnerships):
    entries = []
    for entries_of in _sources.values():
        entries.extend(entries_of(user, partnerships))
    return sorted(entries, key=lambda entry: (str(entry.start), entry.key))
