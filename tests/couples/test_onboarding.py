"""Onboarding: a new space, named if the two of them like, then the invitation and, while
waiting, a short tour. Either partner can rename the space later; the name shows where the
space is named."""

import pytest
from django.urls import reverse

from tests.conftest import make_partnership, make_user
from trustapp.couples import tour
from trustapp.couples.models import NAME_MAX_LENGTH, Partnership

pytestmark = [pytest.mark.django_db, pytest.mark.embedded]


def url(name, partnership):
    return reverse(f"couples:{name}", args=[partnership.public_id])


def test_a_new_space_can_be_named_when_it_is_started_then_the_invitation_comes(alice_client, alice):
    page = alice_client.get(reverse("home")).content.decode()
    assert "A name for your space" in page and "(optional)" in page
    response = alice_client.post(reverse("couples:create"), {"name": "  Our   little  corner "})
    partnership = Partnership.objects.get()
    assert partnership.name == "Our little corner"
    assert response.url == url("invite", partnership)
    home = alice_client.get(partnership.get_absolute_url()).content.decode()
    assert "<title>Our little corner" in home
    assert '<h1 id="pair-heading">Our little corner</h1>' in home


def test_without_a_name_the_space_goes_by_both_names_once_both_are_in(
    alice_client, bob_client, alice, bob
):
    alice_client.post(reverse("couples:create"), {})
    partnership = Partnership.objects.get()
    assert partnership.name == ""
    body = alice_client.get(partnership.get_absolute_url()).content.decode()
    assert '<h1 id="pair-heading">Your shared space</h1>' in body
    assert "Give it a name" in body
    partnership.memberships.create(user=bob, slot=2)
    # Each reads their own name first.
    assert f'<h1 id="pair-heading">{alice.name} &amp; {bob.name}</h1>' in (
        alice_client.get(partnership.get_absolute_url()).content.decode()
    )
    assert (
        f"{bob.name} &amp; {alice.name}"
        in bob_client.get(partnership.get_absolute_url()).content.decode()
    )


def test_a_name_too_long_gets_a_clear_message_and_no_space(alice_client):
    response = alice_client.post(reverse("couples:create"), {"name": "x" * (NAME_MAX_LENGTH + 1)})
    assert response.status_code == 400
    assert "Please keep the name under" in response.content.decode()
    assert not Partnership.objects.exists()


def test_either_partner_renames_the_space_and_both_see_it(partnership, alice_client, bob_client):
    page = bob_client.get(url("rename", partnership))
    assert 'placeholder="Bob &amp; Alice"' in page.content.decode()  # without a name
    response = bob_client.post(url("rename", partnership), {"name": "Casa Nostra"})
    assert response.url == partnership.get_absolute_url()
    for client in (alice_client, bob_client):
        body = client.get(partnership.get_absolute_url()).content.decode()
        assert '<h1 id="pair-heading">Casa Nostra</h1>' in body and "Rename" in body
    listing = alice_client.get(reverse("home") + "?all").content.decode()
    assert "Casa Nostra" in listing
    # An empty name gives the space back its default.
    alice_client.post(url("rename", partnership), {"name": "   "})
    partnership.refresh_from_db()
    assert partnership.name == ""


def test_nobody_else_can_rename_a_space(partnership, carol_client):
    assert carol_client.post(url("rename", partnership), {"name": "Mine"}).status_code == 404
    partnership.refresh_from_db()
    assert partnership.name == ""


def test_an_ended_space_keeps_its_name(partnership, alice, alice_client):
    from trustapp.couples.services import partnership_leave, partnership_rename

    partnership_rename(partnership=partnership, name="Before")
    partnership_leave(partnership=partnership, user=alice)
    assert alice_client.post(url("rename", partnership), {"name": "After"}).status_code == 403
    assert alice_client.get(url("rename", partnership)).url == partnership.get_absolute_url()
    partnership.refresh_from_db()
    assert partnership.name == "Before"


def test_while_waiting_the_invitation_page_and_the_home_offer_the_tour(alice_client, alice):
    solo = make_partnership(alice)
    alice_client.post(url("invite", solo), {"email": ""})
    assert url("tour", solo) in alice_client.get(url("invite", solo)).content.decode()
    assert url("tour", solo) in alice_client.get(solo.get_absolute_url()).content.decode()


def test_the_tour_walks_through_every_step_with_plain_links(alice_client, alice):
    solo = make_partnership(alice)
    seen = []
    for number in range(1, len(tour.STEPS) + 1):
        body = alice_client.get(url("tour", solo), {"step": number}).content.decode()
        assert f"{number} of {len(tour.STEPS)}" in body
        seen.append(str(tour.STEPS[number - 1].title))
        assert seen[-1] in body and tour.STEPS[number - 1].illustration in body
        assert (f'href="?step={number + 1}"' in body) == (number < len(tour.STEPS))
        assert ("Skip the tour" in body) == (number < len(tour.STEPS))
    assert seen == ["Today’s question", "Agreements and boundaries", "Appreciations",
                    "Conversations", "Check-ins"]  # fmt: skip


@pytest.mark.parametrize(
    "step", ["", "0", "99", "two", "-1"], ids=["empty", "0", "99", "word", "neg"]
)
def test_a_step_out_of_the_tour_shows_a_step_in_it(alice_client, alice, step):
    solo = make_partnership(alice)
    response = alice_client.get(url("tour", solo), {"step": step})
    assert response.status_code == 200
    assert response.context["number"] in (1, len(tour.STEPS))


def test_title_for_each_reader(db):
    alex, sam = make_user("alex@example.com", "Alex"), make_user("sam@example.com", "Sam")
    space = make_partnership(alex, sam)
    assert space.title_for(alex) == "Alex & Sam" and space.title_for(sam) == "Sam & Alex"
