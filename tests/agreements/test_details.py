from django.urls import reverse

from tests.agreements.conftest import fresh, in_force, leave


def details_url(agreement):
    return reverse("agreements:details", args=[agreement.partnership.public_id, agreement.pk])


def data(agreement, **changes):
    return {
        "category": "conflict",
        "revisit_on": "2099-03-01",
        "version": fresh(agreement).version,
    } | changes


def test_either_partner_can_file_it_and_set_a_revisit_date(bob_client, partnership, alice, bob):
    agreement = in_force(partnership, alice, bob)
    assert bob_client.get(details_url(agreement)).status_code == 200
    response = bob_client.post(details_url(agreement), data(agreement))
    assert response.status_code == 302
    agreement = fresh(agreement)
    assert agreement.category.slug == "conflict"
    assert agreement.revisit_on.isoformat() == "2099-03-01"
    assert agreement.status == "in_force"  # the words and consent are untouched


def test_a_stale_save_is_a_conflict_that_keeps_the_choice(
    alice_client, bob_client, partnership, alice, bob
):
    agreement = in_force(partnership, alice, bob)
    stale = data(agreement)
    alice_client.post(details_url(agreement), data(agreement, category="health"))
    response = bob_client.post(details_url(agreement), stale)
    assert response.status_code == 409
    body = response.content.decode()
    assert "Health" in body and 'value="conflict" selected' in body
    assert fresh(agreement).category.slug == "health"


def test_a_past_revisit_date_is_refused(bob_client, partnership, alice, bob):
    agreement = in_force(partnership, alice, bob)
    response = bob_client.post(details_url(agreement), data(agreement, revisit_on="2000-01-01"))
    assert response.status_code == 200
    assert "today or a day in the future" in response.content.decode()
    assert fresh(agreement).revisit_on is None


def test_it_rejects_other_methods(bob_client, partnership, alice, bob):
    assert bob_client.put(details_url(in_force(partnership, alice, bob))).status_code == 405


def test_it_is_a_404_for_an_outsider(carol_client, partnership, alice, bob):
    agreement = in_force(partnership, alice, bob)
    assert carol_client.get(details_url(agreement)).status_code == 404


def test_a_former_partner_cannot_change_details(alice_client, partnership, alice, bob):
    agreement = in_force(partnership, alice, bob)
    leave(partnership)
    assert alice_client.get(details_url(agreement)).status_code == 403
    assert alice_client.post(details_url(agreement), data(agreement)).status_code == 403
