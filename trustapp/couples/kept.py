"""Things one partner kept that the other may notice: a small step marked done, an
agreement in force. The app that owns each kind adds a finder from its AppConfig.ready();
appreciations turns a noticing into an appreciation. Neither side imports the other.

A finder `find(partnership, user, pk)` -> `Kept` or None answers only for something kept
now that `user`'s partner had a hand in; anything else (not done, not in force, theirs
alone) is None. Nothing here ever looks at a promise that was not kept.
"""

from dataclasses import dataclass

_finders = {}


@dataclass(frozen=True)
class Kept:
    words: str  # what was kept, as the two of them wrote it
    url: str  # where it lives in the space


def add(kind, find):
    _finders[kind] = find


def find(kind, partnership, user, pk):
    finder = _finders.get(kind)
    return finder(partnership, user, pk) if finder is not None else None


def kinds():
    return set(_finders)
