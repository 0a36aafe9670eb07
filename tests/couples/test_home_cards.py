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
    home = cards.for_home(partnership, alice)
    assert [card.template for card in home.waiting + home.quiet] == [
        # Nothing is answered yet: today's question waits, the others are quiet.
        "questions/_home_card.html",
        "agreements/_home_card.html",
        "appreciations/_home_card.html",
        "wins/_home_card.html",
        "conversations/_home_card.html",
        "dates/_home_card.html",
        "checkins/_home_card.html",
        "repair/_home_card.html",
    ]
    assert [card.template for card in home.waiting] == ["questions/_home_card.html"]
    assert [card.template for card in home.below] == ["privacy/_prenup_home.html"]
    assert home.quiet[2].context["paired"] is True  # each card's context is its app's own


def test_what_waits_for_me_leads_the_home_and_the_quiet_cards_follow(
    alice_client, bob_client, partnership, alice, bob
):
    from tests.agreements.conftest import propose

    propose(partnership, bob, title="Phones away at dinner")
    body = alice_client.get(partnership.get_absolute_url()).content.decode()
    waiting, quiet = body.index('id="waiting-heading"'), body.index('id="quiet-heading"')
    assert waiting < body.index('id="card-agreements"') < quiet  # Bob's proposal waits
    assert waiting < body.index('id="card-questions"') < quiet
    assert quiet < body.index('id="card-conversations"')
    assert quiet < body.index('id="card-appreciations"')
    # Bob proposed it: for him the agreements card is a quiet one.
    body = bob_client.get(partnership.get_absolute_url()).content.decode()
    assert body.index('id="quiet-heading"') < body.index('id="card-agreements"')


def test_with_nothing_waiting_the_home_says_so_calmly(alice_client, partnership, alice):
    from trustapp.questions import services

    services.answer_save(day_question=services.today_question(partnership), user=alice, text="Hi")
    body = alice_client.get(partnership.get_absolute_url()).content.decode()
    assert "Nothing new right now." in body
    assert body.index('id="quiet-heading"') < body.index('id="card-questions"')


def test_the_data_choice_comes_under_every_card(alice_client, partnership):
    body = alice_client.get(partnership.get_absolute_url()).content.decode()
    places = [body.index(f'id="{heading}"') for heading in HEADINGS]
    last_card = body.index("</section>", max(places))
    assert "What happens to what we shared" in body[last_card:]


def test_adding_a_card_twice_keeps_one(partnership, alice):
    """ready() may run again (tests that reload apps): the card is not shown twice."""
    home = cards.for_home(partnership, alice)
    before = len(home.waiting + home.quiet)
    template, context_of, below, waiting = cards._cards["checkins"]
    cards.add("checkins", template, context_of, below=below, waiting=waiting)
    home = cards.for_home(partnership, alice)
    assert len(home.waiting + home.quiet) == before


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
