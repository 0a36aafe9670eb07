"""What the apps above couples show on a space's home page.

couples imports none of those apps: each one adds its card from its own AppConfig.ready(),
and the home view asks every card for its context, once per page. Cards come in the order
the apps are installed; a card `below` the others spans the page under them.
"""

from dataclasses import dataclass

_cards = {}


@dataclass(frozen=True)
class Card:
    template: str
    context: dict


def add(name, template, context_of, *, below=False):
    """`context_of(partnership, user)` -> what `template` shows, as `card` in it."""
    _cards[name] = (template, context_of, below)


def for_home(partnership, user):
    """The cards of this space's home for `user`: (the grid, the ones below it)."""
    grid, below = [], []
    for template, context_of, is_below in _cards.values():
        card = Card(template, context_of(partnership, user))
        (below if is_below else grid).append(card)
    return grid, below
