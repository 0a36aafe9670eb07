from django.urls import reverse

from tests.agreements.conftest import agree, fresh, in_force, leave, suggest
from trustapp.agreements import services


def history_url(agreement, query=""):
    return (
        reverse("agreements:history", args=[agreement.partnership.public_id, agreement.pk]) + query
    )


def three_versions(partnership, alice, bob):
    agreement = in_force(partnership, alice, bob, text="We call when late.")
    suggest(agreement, bob, "We text when late.")
    agree(agreement, alice)
    suggest(agreement, alice, "We text when we are <late>.")
    return agreement


def test_it_shows_every_revision_author_and_consent(alice_client, partnership, alice, bob):
    agreement = three_versions(partnership, alice, bob)
    services.agreement_withdraw(agreement=fresh(agreement), user=bob, note="Hm")
    body = alice_client.get(history_url(agreement)).content.decode()
    for number in (1, 2, 3):
        assert f'id="version-{number}"' in body
    assert "We call when late." in body and "We text when late." in body
    assert "Written by Bob" in body and "Written by Alice" in body
    assert "Bob agreed on" in body and "withdrew on" in body
    assert "Withdrew consent · Bob" in body  # the timeline


def test_it_compares_the_latest_two_by_default(alice_client, partnership, alice, bob):
    agreement = three_versions(partnership, alice, bob)
    body = alice_client.get(history_url(agreement)).content.decode()
    assert "From version 2 to version 3" in body
    assert "&lt;late&gt;" in body and "<late>" not in body


def test_it_compares_any_two_versions(alice_client, partnership, alice, bob, htmx_headers):
    agreement = three_versions(partnership, alice, bob)
    response = alice_client.get(history_url(agreement, "?from=1&to=2"), headers=htmx_headers)
    body = response.content.decode()
    assert body.lstrip().startswith('<div id="comparison"')
    assert "From version 1 to version 2" in body
    assert "call" in body.split("<del>")[1].split("</del>")[0]


def test_nonsense_versions_fall_back_to_the_latest_two(alice_client, partnership, alice, bob):
    agreement = three_versions(partnership, alice, bob)
    body = alice_client.get(history_url(agreement, "?from=x&to=99")).content.decode()
    assert "From version 2 to version 3" in body


def test_it_rejects_post(alice_client, partnership, alice, bob):
    assert alice_client.post(history_url(in_force(partnership, alice, bob))).status_code == 405


def test_it_is_a_404_for_an_outsider(carol_client, partnership, alice, bob):
    assert carol_client.get(history_url(in_force(partnership, alice, bob))).status_code == 404


def test_a_former_partner_can_read_it(alice_client, partnership, alice, bob):
    agreement = in_force(partnership, alice, bob)
    leave(partnership)
    assert alice_client.get(history_url(agreement)).status_code == 200
