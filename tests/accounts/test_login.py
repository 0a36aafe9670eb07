"""Sign in and out with email and password; failed attempts are rate limited."""

from django.test import override_settings
from django.urls import reverse

from tests.accounts.helpers import is_signed_in, sign_in
from tests.support.mail import code_from_email

LOGIN_URL = reverse("account_login")


def test_the_sign_in_page_has_labels_and_a_forgotten_password_link(client, db):
    response = client.get(LOGIN_URL)
    assert response.status_code == 200
    body = response.content.decode()
    assert '<label for="id_login">' in body and '<label for="id_password">' in body
    assert reverse("account_reset_password") in body
    assert reverse("account_signup") in body
    assert "placeholder" not in body


def test_signing_in_with_the_right_password_goes_home(client, alice):
    response = sign_in(client)
    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert is_signed_in(client)


def test_the_email_is_not_case_sensitive(client, alice):
    sign_in(client, email="Alice@Example.com")
    assert is_signed_in(client)


def test_a_wrong_password_is_explained_and_the_email_is_kept(client, alice):
    response = sign_in(client, password="not-my-password")
    assert response.status_code == 200
    body = response.content.decode()
    assert "The email address and/or password you specified are not correct." in body
    assert 'value="alice@example.com"' in body
    assert not is_signed_in(client)


def test_an_empty_form_asks_for_both_fields(client, db):
    response = client.post(LOGIN_URL, {})
    assert response.status_code == 200
    assert response.content.decode().count("This field is required.") == 2


def test_an_unconfirmed_address_gets_a_code_before_signing_in(client, alice):
    alice.emailaddress_set.update(verified=False)
    response = sign_in(client)
    assert response["Location"] == reverse("account_email_verification_sent")
    assert not is_signed_in(client)
    client.post(response["Location"], {"code": code_from_email("alice@example.com")})
    assert is_signed_in(client)


def test_signing_out_asks_first_then_signs_out(alice_client):
    page = alice_client.get(reverse("account_logout"))
    assert page.status_code == 200
    assert b"Sign out of Trustapp on this device?" in page.content
    response = alice_client.post(reverse("account_logout"), follow=True)
    assert response.redirect_chain[-1][0] == LOGIN_URL
    assert b"You are signed out. See you soon." in response.content
    assert not is_signed_in(alice_client)


@override_settings(ACCOUNT_RATE_LIMITS={"login_failed": "3/m/ip,3/5m/key"})
def test_repeated_wrong_passwords_are_rate_limited(client, alice):
    for _ in range(3):
        assert sign_in(client, password="guess").status_code == 200
    response = sign_in(client)  # even the right password waits now
    assert response.status_code == 200
    assert "Too many failed login attempts. Try again later." in response.content.decode()
    assert not is_signed_in(client)
