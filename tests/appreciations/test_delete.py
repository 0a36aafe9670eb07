from django.urls import reverse

from trustapp.appreciations.models import Appreciation, AppreciationQuality
from trustapp.couples import services as couples_services


def delete_url(appreciation):
    return reverse(
        "appreciations:delete", args=[appreciation.partnership.public_id, appreciation.pk]
    )


def test_it_asks_first(alice_client, from_alice):
    response = alice_client.get(delete_url(from_alice))
    assert response.status_code == 200
    assert "Delete this appreciation?" in response.content.decode()
    assert Appreciation.objects.exists()


def test_the_author_deletes_it_with_its_qualities(alice_client, from_alice, partnership):
    response = alice_client.post(delete_url(from_alice))
    assert response.status_code == 302
    assert response["Location"] == reverse("appreciations:log", args=[partnership.public_id])
    assert not Appreciation.objects.exists()
    assert not AppreciationQuality.objects.exists()


def test_the_partner_cannot_delete_it(bob_client, from_alice):
    assert bob_client.post(delete_url(from_alice)).status_code == 404
    assert Appreciation.objects.exists()


def test_it_is_a_404_for_an_outsider(carol_client, from_alice):
    assert carol_client.post(delete_url(from_alice)).status_code == 404


def test_it_rejects_other_methods(alice_client, from_alice):
    assert alice_client.put(delete_url(from_alice)).status_code == 405


def test_a_former_partner_cannot_delete(alice_client, partnership, bob, from_alice):
    couples_services.partnership_leave(partnership=partnership, user=bob)
    assert alice_client.post(delete_url(from_alice)).status_code == 403
    assert Appreciation.objects.exists()
