from django.template.loader import render_to_string
from django.test import RequestFactory

from tests.appreciations.conftest import bulk_appreciations, make_appreciation
from tests.conftest import client_for, make_partnership
from trustapp.appreciations.cards import home_card
from trustapp.couples import services as couples_services
from trustapp.couples.access import get_partnership_for_user


def card(body):
    return body.split('id="card-appreciations"')[1].split("</section>")[0]


def test_the_card_offers_the_quick_log_form(alice_client, partnership):
    body = card(alice_client.get(partnership.get_absolute_url()).content.decode())
    assert f'action="/p/{partnership.public_id}/appreciations/new/"' in body
    assert "What did Bob do?" in body
    assert f'name="next" value="{partnership.get_absolute_url()}"' in body


def test_the_card_counts_new_ones_and_shows_the_latest(bob_client, partnership, alice, bob):
    make_appreciation(partnership, alice, bob, "Walked the dog in the rain.")
    make_appreciation(partnership, alice, bob, "Kept a secret safe, shared=False", shared=False)
    body = card(bob_client.get(partnership.get_absolute_url()).content.decode())
    assert '<span class="badge">1</span>' in body and "new from Alice" in body
    assert "Walked the dog in the rain." in body
    assert "Kept a secret safe" not in body


def test_the_card_waits_for_the_partner(alice, db):
    alone = make_partnership(alice)
    body = card(client_for(alice).get(alone.get_absolute_url()).content.decode())
    assert "Once your partner joins" in body
    assert "<form" not in body


def test_an_archive_shows_no_form(alice_client, partnership, bob):
    couples_services.partnership_leave(partnership=partnership, user=bob)
    body = card(alice_client.get(partnership.get_absolute_url()).content.decode())
    assert "<form" not in body
    assert "Read the log" in body


def render_card(partnership, user):
    request = RequestFactory().get(partnership.get_absolute_url())
    request.user = user
    context = {
        "partnership": partnership,
        "user": user,
        "current_partner": partnership.partner_of(user),
        "card": home_card(partnership, user),
    }
    return render_to_string("appreciations/_home_card.html", context, request=request)


def test_the_card_needs_two_queries_at_10_and_at_100(
    partnership, alice, bob, django_assert_num_queries
):
    partnership = get_partnership_for_user(bob, partnership.public_id)  # as the page has it
    bulk_appreciations(partnership, alice, bob, 10)
    with django_assert_num_queries(2):
        render_card(partnership, bob)
    bulk_appreciations(partnership, alice, bob, 90)
    with django_assert_num_queries(2):
        assert "new from Alice" in render_card(partnership, bob)
