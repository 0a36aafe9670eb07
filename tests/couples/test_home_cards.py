"""The home of a space shows the card of every app above couples, which couples never imports:
each app adds its card in its AppConfig.ready() (trustapp/couples/cards.py)."""

import pytest
from django.urls import reverse

from trustapp.couples import cards

pytestmark = pytest.mark.embedded

HEADINGS = [
    "card-questions",
    "card-agreements",
    "card-appreciations",
    "card-conversations",
    "card-checkins",
    "card-repair",
]


def test_every_app_adds_its_card_in_the_installed_order(partnership, alice):
    grid, below = cards.for_home(partnership, alice)
    assert [card.template for card in grid] == [
        "questions/_home_card.html",
        "agreements/_home_card.html",
        "appreciations/_home_card.html",
        "wins/_home_card.html",
        "conversations/_home_card.html",
        "dates/_home_card.html",
        "checkins/_home_card.html",
        "repair/_home_card.html",
    ]
    assert [card.template for card in below] == ["privacy/_prenup_home.html"]
    assert grid[3].context["paired"] is True  # each card's context is its app's own


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


def test_the_navigation_badge_comes_from_the_app_on_every_page_of_the_space(
    alice_client, bob_client, partnership, bob
):
    from tests.agreements.conftest import propose

    propose(partnership, bob, title="Phones away at dinner")
    badge = '<span id="agreements-waiting-nav"> <span class="badge">1<'
    for page in (
        partnership.get_absolute_url(),
        reverse("conversations:index", args=[partnership.public_id]),
    ):
        assert badge in alice_client.get(page).content.decode()
    listed = alice_client.get(reverse("agreements:list", args=[partnership.public_id]))
    assert '<span id="agreements-waiting-tab"> <span class="badge">1<' in listed.content.decode()
    # Bob proposed it: nothing waits for him.
    home = bob_client.get(partnership.get_absolute_url()).content.decode()
    assert '<span id="agreements-waiting-nav"></span>' in home


def test_the_leave_page_says_what_happens_to_the_shared_words_from_privacy(
    alice, alice_client, partnership
):
    [section] = cards.sections_for("leave", partnership=partnership, user=alice)
    assert section.template == "privacy/_prenup_leave.html"
    body = alice_client.get(reverse("couples:leave", args=[partnership.public_id])).content
    assert b"You never chose together, so the most private option applies" in body


def test_the_list_of_spaces_shows_what_a_person_kept_of_past_spaces(alice, alice_client):
    from django.utils import timezone

    from trustapp.privacy.models import PersonalCopy

    url = reverse("home") + "?all"
    assert b"What you kept of past spaces" not in alice_client.get(url).content
    now = timezone.now()
    PersonalCopy.objects.create(
        user=alice, scope=PersonalCopy.Scope.OWN, started_at=now, ended_at=now, data={}
    )
    assert b"What you kept of past spaces" in alice_client.get(url).content
