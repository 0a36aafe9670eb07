from django.urls import reverse

from trustapp.couples import services as couples_services


def share_url(appreciation):
    return reverse(
        "appreciations:share", args=[appreciation.partnership.public_id, appreciation.pk]
    )


def test_the_author_shares_a_private_note(alice_client, bob_client, private_note, notices):
    response = alice_client.post(share_url(private_note))
    assert response.status_code == 302
    private_note.refresh_from_db()
    assert private_note.shared_at is not None
    assert len(notices) == 1
    log = reverse("appreciations:log", args=[private_note.partnership.public_id])
    assert private_note.text in bob_client.get(log).content.decode()


def test_sharing_twice_notifies_once(alice_client, private_note, notices):
    alice_client.post(share_url(private_note))
    alice_client.post(share_url(private_note))
    assert len(notices) == 1


def test_htmx_gets_the_updated_item(alice_client, private_note, htmx_headers):
    response = alice_client.post(share_url(private_note), headers=htmx_headers)
    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith("<li")
    assert "Private note" not in body


def test_the_partner_cannot_share_it(bob_client, private_note):
    assert bob_client.post(share_url(private_note)).status_code == 404


def test_it_is_a_404_for_an_outsider(carol_client, private_note, htmx_headers):
    assert carol_client.post(share_url(private_note), headers=htmx_headers).status_code == 404


def test_it_rejects_a_get(alice_client, private_note):
    assert alice_client.get(share_url(private_note)).status_code == 405


def test_a_former_partner_cannot_share(alice_client, partnership, alice, private_note):
    couples_services.partnership_leave(partnership=partnership, user=alice)
    assert alice_client.post(share_url(private_note)).status_code == 403
    private_note.refresh_from_db()
    assert private_note.shared_at is None
