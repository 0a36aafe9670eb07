"""A signed-in person's pages are never stored, so a shared device shows nothing after
signing out; static files and signed-out pages keep their ordinary caching."""

from django.urls import reverse


def test_signed_in_pages_are_never_stored(alice_client, partnership):
    urls = [reverse("accounts:profile"), partnership.get_absolute_url(), reverse("safety")]
    for url in urls:
        response = alice_client.get(url)
        assert response.status_code == 200
        directives = {part.strip() for part in response["Cache-Control"].split(",")}
        assert {"private", "no-store"} <= directives, url


def test_signed_out_pages_are_unchanged(client, db):
    response = client.get(reverse("safety"))
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")


def test_static_files_keep_their_caching(alice_client):
    response = alice_client.get("/static/css/app.css")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
