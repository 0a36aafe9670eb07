"""Change the sign-in email: it only changes once the new address is confirmed."""

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from tests.conftest import PASSWORD, client_for
from tests.support.mail import code_from_email, last_message_to

CONFIRM_URL = reverse("account_email_verification_sent")


@pytest.fixture
def alice_client(alice):
    """Alice, who has just typed her password again (changing the address asks for it)."""
    client = client_for(alice)
    response = client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    assert response.status_code == 302
    return client


def test_changing_the_address_asks_for_the_password_again(alice, mailoutbox):
    client = client_for(alice)
    response = client.post(
        reverse("account_email"), {"action_add": "", "email": "alice@new.example"}
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    assert not mailoutbox
    response = client.post(response["Location"], {"password": "not-my-password"})
    assert response.status_code == 200
    assert not mailoutbox
    client.post(response.wsgi_request.get_full_path(), {"password": PASSWORD})
    assert code_from_email("alice@new.example")


def test_an_address_another_account_owns_is_refused_and_nobody_is_told(
    alice_client, alice, bob, mailoutbox
):
    response = alice_client.post(
        reverse("account_email"), {"action_add": "", "email": "BOB@example.com"}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "That address belongs to another account here." in body
    assert 'value="BOB@example.com"' in body
    assert not mailoutbox
    alice.refresh_from_db()
    assert alice.email == "alice@example.com"


def test_the_email_page_shows_the_current_address(alice_client):
    response = alice_client.get(reverse("account_email"))
    assert response.status_code == 200
    assert b"alice@example.com" in response.content
    assert b"style=" not in response.content


def test_a_new_address_is_used_only_after_its_code_is_confirmed(alice_client, alice):
    response = alice_client.post(
        reverse("account_email"), {"action_add": "", "email": "alice@new.example"}
    )
    assert response["Location"] == CONFIRM_URL
    alice.refresh_from_db()
    assert alice.email == "alice@example.com"
    page = alice_client.get(CONFIRM_URL)
    assert b"alice@new.example" in page.content

    response = alice_client.post(CONFIRM_URL, {"code": code_from_email("alice@new.example")})
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.email == "alice@new.example"
    assert list(EmailAddress.objects.filter(user=alice).values_list("email", flat=True)) == [
        "alice@new.example"
    ]
    old = last_message_to("alice@example.com")
    assert old.subject == "[Trustapp] Your email address changed"
    assert "alice@new.example" in old.body


def test_a_wrong_code_leaves_the_address_as_it_was(alice_client, alice):
    alice_client.post(reverse("account_email"), {"action_add": "", "email": "alice@new.example"})
    response = alice_client.post(CONFIRM_URL, {"code": "XXXX-XXXX"})
    assert response.status_code == 200
    assert "Incorrect code." in response.content.decode()
    alice.refresh_from_db()
    assert alice.email == "alice@example.com"


def test_the_code_page_offers_a_way_back_without_changing_anything(alice_client, alice):
    alice_client.post(reverse("account_email"), {"action_add": "", "email": "alice@new.example"})
    page = alice_client.get(CONFIRM_URL).content.decode()
    assert f'href="{reverse("account_email")}">Cancel</a>' in page
    alice.refresh_from_db()
    assert alice.email == "alice@example.com"


def test_an_invalid_address_is_explained_and_kept(alice_client):
    response = alice_client.post(reverse("account_email"), {"action_add": "", "email": "alice@"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Enter a valid email address." in body and 'value="alice@"' in body
