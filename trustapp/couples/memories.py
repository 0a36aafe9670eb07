""" "On this day": what the two of them shared on this day of the month in earlier months,
from every app that keeps shared things. Each adds its source from its AppConfig.ready();
couples imports none of them.

A source `memories_of(partnership, user, today, limit)` -> [Memory] returns at most `limit`
things `user` may see in the space, from this day of the month before this month began.
"""

from dataclasses import dataclass, field
from datetime import date

_sources = {}


@dataclass(frozen=True)
class Memory:
    day: date
    kind: str  # what it was, in a word or two: "An appreciation", "Good news"
    text: str  # the words as they were shared
    path: str  # where it lives in the space
    lines: tuple = field(default=())  # a few more lines, such as two answers


def add(name, memories_of):
    _sources[name] = memories_of


def month_start(today):
    return date(today.year, today.month, 1)


def on_this_day(partnership, user, today, *, limit=6):
    """The newest `limit` memories of this day from every source, newest first."""
    found = []
    for memories_of in _sources.values():
        found.extend(memories_of(partnership, user, today, limit))
    found.sort(key=lambda memory: (memory.day, memory.kind), reverse=True)
    return found[:limit]
