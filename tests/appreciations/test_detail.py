from django.urls import reverse

from trustapp.couples import services as couples_services


def detail_url(appreciation):
    return reverse(
        "appreciations:detail", args=[appreciation.partnership.public_id, appreciation.pk]
    )


def test_both_partners_can_read_a_shared_appreciation(alice_client, bob_client, from_alice):
    for client in (alice_client, bob_client):
        response = client.get(detail_url(from_alice))
        assert response.status_code == 200
        assert from_alice.text in response.content.decode()


def test_it_shows_the_qualities(bob_client, from_alice):
    body = bob_client.get(detail_url(from_alice)).content.decode()
    assert "<li>Reliable</li>" in body and "<li>Kind</li>" in body


def test_a_private_note_is_a_404_for_the_partner(alice_client, bob_client, private_note):
    assert alice_client.get(detail_url(private_note)).status_code == 200
    assert bob_client.get(detail_url(private_note)).status_code == 404


def test_it_is_a_404_for_an_outsider(carol_client, from_alice):
    assert carol_client.get(detail_url(from_alice)).status_code == 404


def test_it_is_a_404_in_another_partnership(carol_client, from_alice, other_partnership):
    url = reverse("appreciations:detail", args=[other_partnership.public_id, from_alice.pk])
    assert carol_client.get(url).status_code == 404


def test_it_rejects_a_post(bob_client, from_alice):
    assert bob_client.post(detail_url(from_alice)).status_code == 405


def test_a_former_partner_reads_without_forms(bob_client, partnership, bob, from_alice):
    couples_services.partnership_leave(partnership=partnership, user=bob)
    body = bob_client.get(detail_url(from_alice)).content.decode()
    assert from_alice.text in body
    assert "<form" not in body.split('id="main"')[1]
