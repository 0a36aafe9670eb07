"""What the apps above couples show on a space's pages: home cards and navigation badges.

couples imports none of those apps: each one adds its card and its badge from its own
AppConfig.ready(). The home view asks every card for its context, once per page. The home
answers "what is new and what waits for me": a card whose `waiting(context)` is true leads,
the quiet ones follow, each group in the order the apps are installed; a card `below` the
others spans the page under them.
"""

from dataclasses import dataclass

_cards = {}
_badges = {}
_sections = {}


@dataclass(frozen=True)
class Card:
    template: str
    context: dict


def _quiet(context):
    return False


def add(name, template, context_of, *, below=False, waiting=_quiet):
    """`context_of(partnership, user)` -> what `template` shows, as `card` in it;
    `waiting(context)` -> whether it holds something new or waiting for `user`."""
    _cards[name] = (template, context_of, below, waiting)


@dataclass(frozen=True)
class Home:
    waiting: list
    quiet: list
    below: list


def for_home(partnership, user):
    """The cards of this space's home for `user`: what is new or waiting, the quiet ones,
    and the ones below them."""
    home = Home([], [], [])
    for template, context_of, is_below, waiting in _cards.values():
        card = Card(template, context_of(partnership, user))
        group = home.below if is_below else home.waiting if waiting(card.context) else home.quiet
        group.append(card)
    return home


def add_section(page, name, template, context_of):
    """A part of one of couples' other pages ("leave", "spaces") that an app above adds:
    `context_of(**about)` -> what `template` shows, as `card` in it."""
    _sections.setdefault(page, {})[name] = (template, context_of)


def sections_for(page, **about):
    """The sections of `page`, each with its context for these arguments."""
    return [
        Card(template, context_of(**about))
        for template, context_of in _sections.get(page, {}).values()
    ]


def add_badge(name, count_of):
    """`count_of(partnership, user)` -> what waits for `user`, shown as `badges.<name>`."""
    _badges[name] = count_of


class Badges:
    """Every app's badge for one person in one space, counted only when a template shows it
    (most partials show none, so they cost nothing)."""

    def __init__(self, partnership, user):
        self.partnership, self.user = partnership, user

    def __getitem__(self, name):
        return _badges[name](self.partnership, self.user)
