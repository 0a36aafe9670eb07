from django.urls import reverse


def test_it_lists_starters_by_category_with_a_link_to_propose(alice_client, partnership):
    response = alice_client.get(reverse("agreements:library", args=[partnership.public_id]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Privacy and devices" in body and "Our phones are our own" in body
    assert "?template=phones-are-private" in body


def test_it_rejects_post(alice_client, partnership):
    url = reverse("agreements:library", args=[partnership.public_id])
    assert alice_client.post(url).status_code == 405


def test_it_is_a_404_for_an_outsider(carol_client, partnership):
    url = reverse("agreements:library", args=[partnership.public_id])
    assert carol_client.get(url).status_code == 404
