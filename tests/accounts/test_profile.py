"""The profile page: display name and time zone."""

import pytest
from django.urls import reverse

URL = reverse("accounts:profile")


def test_it_shows_the_current_name_and_zone(alice_client):
    response = alice_client.get(URL)
    assert response.status_code == 200
    body = response.content.decode()
    assert 'value="Alice"' in body and 'value="Europe/Berlin"' in body
    assert '<datalist id="time-zones">' in body
    assert 'list="time-zones"' in body and 'data-detect-time-zone="true"' in body


def test_it_saves_name_and_zone(alice_client, alice):
    response = alice_client.post(URL, {"display_name": "  Ali  ", "time_zone": "Asia/Tokyo"})
    assert response.status_code == 302
    assert response["Location"] == URL
    alice.refresh_from_db()
    assert alice.display_name == "Ali"
    assert alice.time_zone == "Asia/Tokyo"
    page = alice_client.get(URL)
    assert b"Saved. Times now show in Asia/Tokyo." in page.content


def test_an_unknown_zone_is_explained_and_what_was_typed_is_kept(alice_client, alice):
    response = alice_client.post(URL, {"display_name": "Ali", "time_zone": "Berlin"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Please pick a time zone from the list, like Europe/Berlin." in body
    assert 'value="Berlin"' in body and 'value="Ali"' in body
    assert (
        'aria-invalid="true"' in body
        and 'aria-describedby="id_time_zone_helptext id_time_zone_error"' in body
    )
    alice.refresh_from_db()
    assert (alice.display_name, alice.time_zone) == ("Alice", "Europe/Berlin")


def test_an_empty_zone_is_explained(alice_client):
    response = alice_client.post(URL, {"display_name": "Ali", "time_zone": ""})
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()


def test_a_name_that_is_too_long_is_explained(alice_client):
    response = alice_client.post(URL, {"display_name": "A" * 61, "time_zone": "UTC"})
    assert response.status_code == 200
    assert "Ensure this value has at most 60 characters" in response.content.decode()


def test_it_needs_sign_in(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_it_rejects_other_methods(alice_client, method):
    assert getattr(alice_client, method)(URL).status_code == 405


def test_htmx_gets_just_the_form_with_a_saved_note(alice_client, alice, htmx_headers):
    response = alice_client.post(
        URL, {"display_name": "Ali", "time_zone": "Asia/Tokyo"}, headers=htmx_headers
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert body.lstrip().startswith('<form method="post"')
    assert "<html" not in body
    assert "Saved. Times now show in Asia/Tokyo." in body
    assert 'value="Asia/Tokyo"' in body
    alice.refresh_from_db()
    assert alice.time_zone == "Asia/Tokyo"


def test_htmx_gets_the_form_back_with_errors(alice_client, htmx_headers):
    response = alice_client.post(
        URL, {"display_name": "Ali", "time_zone": "Nowhere"}, headers=htmx_headers
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "<html" not in body and "Please pick a time zone from the list" in body


def test_a_boosted_post_gets_the_whole_page(alice_client):
    response = alice_client.post(
        URL,
        {"display_name": "Ali", "time_zone": "Asia/Tokyo"},
        headers={"HX-Request": "true", "HX-Boosted": "true"},
    )
    assert response.status_code == 302


@pytest.mark.parametrize(
    "name", ["Ali\r\nBcc: someone@example.com", "Ali\tB", "Ali\x07", "A\u2028B"]
)
def test_a_name_with_line_breaks_or_control_characters_is_refused(alice_client, alice, name):
    response = alice_client.post(URL, {"display_name": name, "time_zone": "UTC"})
    assert response.status_code == 200
    assert "Please write your name on one line" in response.content.decode()
    alice.refresh_from_db()
    assert alice.display_name == "Alice"
