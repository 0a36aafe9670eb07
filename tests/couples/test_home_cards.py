"""The home of a space shows the card of every app above couples, which couples never imports:
each app adds its card in its AppConfig.ready() (trustapp/couples/cards.py)."""

import pytest

from trustapp.couples import cards

pytestmark = pytest.mark.embedded

HEADINGS = ["card-agreements", "card-appreciations", "card-conversations", "card-checkins"]


def test_every_app_adds_its_card_in_the_installed_order(partnership, alice):
    grid, below = cards.for_home(partnership, alice)
    assert [card.template for card in grid] == [
        "agreements/_home_card.html",
        "appreciations/_home_card.html",
        "conversations/_home_card.html",
        "checkins/_home_card.html",
    ]
    assert [card.template for card in below] == ["privacy/_prenup_home.html"]
    assert grid[2].context["paired"] is True  # each card's context is its app's own


def test_the_home_page_shows_the_cards_in_order_and_the_data_choice_under_them(
    alice_client, partnership
):
    body = alice_client.get(partnership.get_absolute_url()).content.decode()
    places = [body.index(f'id="{heading}"') for heading in HEADINGS]
    assert places == sorted(places)
    assert body.index('<div class="cards">') < places[0]
    last_card_ends = body.index("</section>", places[-1]) + len("</section>")
    after_the_grid = body[last_card_ends:].lstrip()
    assert after_the_grid.startswith("</div>")
    assert "What happens to what we shared" in after_the_grid


def test_adding_a_card_twice_keeps_one(partnership, alice):
    """ready() may run again (tests that reload apps): the card is not shown twice."""
    before = len(cards.for_home(partnership, alice)[0])
    template, context_of, below = cards._cards["checkins"]
    cards.add("checkins", template, context_of, below=below)
    assert len(cards.for_home(partnership, alice)[0]) == before
