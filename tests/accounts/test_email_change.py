"""Change the sign-in email: it only changes once the new address is confirmed."""

from allauth.account.models import EmailAddress
from django.urls import reverse

from tests.support.mail import code_from_email, last_message_to

CONFIRM_URL = reverse("account_email_verification_sent")


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
