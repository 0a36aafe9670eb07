"""Me, Calendar: make the private address, see it again, make a new one, stop it."""

import pytest
from django.urls import reverse

from trustapp.calendar.models import CalendarFeed

URL = reverse("calendar:settings")


def test_there_is_no_address_until_the_person_asks_for_one(alice_client, alice):
    body = alice_client.get(URL).content.decode()
    assert "Make my calendar address" in body and "/cal/" not in body
    assert not CalendarFeed.objects.exists()


def test_making_an_address_shows_it_and_it_stays_visible(alice_client, alice):
    response = alice_client.post(URL, {"action": "on"})
    assert response.status_code == 302 and response["Location"] == URL
    feed = CalendarFeed.objects.get(user=alice)
    address = f"http://testserver{feed.get_absolute_url()}"
    assert address in alice_client.get(URL).content.decode()
    assert address in alice_client.get(URL).content.decode()  # not shown once only


def test_a_new_address_replaces_the_old_one(alice_client, alice, client):
    alice_client.post(URL, {"action": "on"})
    old = CalendarFeed.objects.get(user=alice).get_absolute_url()
    alice_client.post(URL, {"action": "on"})
    new = CalendarFeed.objects.get(user=alice).get_absolute_url()
    assert old != new
    body = alice_client.get(URL).content.decode()
    assert new in body and old not in body
    assert client.get(old).status_code == 404


def test_stopping_the_address(alice_client, alice, client):
    alice_client.post(URL, {"action": "on"})
    old = CalendarFeed.objects.get(user=alice).get_absolute_url()
    alice_client.post(URL, {"action": "off"})
    body = alice_client.get(URL).content.decode()
    assert "Your earlier address no longer works." in body and "/cal/" not in body
    assert client.get(old).status_code == 404


@pytest.mark.parametrize("action", ["", "maybe", "off"])
def test_an_unknown_button_is_explained(alice_client, action):
    response = alice_client.post(URL, {"action": action}, follow=True)
    assert response.status_code == 200
    assert "Please choose one of the buttons." in response.content.decode()


def test_discreet_mode_is_mentioned_where_it_matters(alice_client, alice):
    alice_client.post(URL, {"action": "on"})
    assert "discreet mode (under Privacy and data)" in alice_client.get(URL).content.decode()
    alice.discreet_emails = True
    alice.save(update_fields=["discreet_emails"])
    assert "Discreet mode is on" in alice_client.get(URL).content.decode()


def test_it_needs_sign_in(client, db):
    response = client.get(URL)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_it_rejects_other_methods(alice_client):
    assert alice_client.put(URL).status_code == 405


def test_the_download_says_whether_there_is_an_address_but_never_the_address(alice, alice_client):
    from trustapp.privacy.rules import export_account

    alice_client.post(URL, {"action": "on"})
    exported = export_account(alice)
    assert exported["calendar_feed_on"] is True
    token = CalendarFeed.objects.get(user=alice).token
    assert token not in repr(exported)
