"""Reset a forgotten password by email link; change it while signed in."""

from django.urls import reverse

from tests.conftest import PASSWORD
from tests.support.mail import last_message_to, link_from_email

NEW_PASSWORD = "an-even-longer-kind-password-43"


def can_sign_in(client, password, email="alice@example.com"):
    client.post(reverse("account_login"), {"login": email, "password": password})
    signed_in = "_auth_user_id" in client.session
    client.logout()
    return signed_in


def test_a_forgotten_password_can_be_reset_from_the_emailed_link(client, alice):
    response = client.post(reverse("account_reset_password"), {"email": "alice@example.com"})
    assert response["Location"] == reverse("account_reset_password_done")
    message = last_message_to("alice@example.com")
    assert message.subject == "[Trustapp] Choose a new password"
    link = link_from_email("alice@example.com", "/accounts/password/reset/key/")

    # allauth swaps the token in the link for a session key before showing the form.
    response = client.get(link, follow=True)
    assert b"Choose a new password" in response.content
    form_url = response.redirect_chain[-1][0]
    response = client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response["Location"] == reverse("account_reset_password_from_key_done")
    assert b"Your new password is saved" in client.get(response["Location"]).content

    assert can_sign_in(client, NEW_PASSWORD)
    assert not can_sign_in(client, PASSWORD)


def test_a_reset_link_works_only_once(client, alice):
    client.post(reverse("account_reset_password"), {"email": "alice@example.com"})
    link = link_from_email("alice@example.com", "/accounts/password/reset/key/")
    response = client.get(link, follow=True)
    client.post(
        response.redirect_chain[-1][0], {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )
    response = client.get(link, follow=True)
    assert b"This link no longer works" in response.content


def test_a_mismatched_new_password_is_explained(client, alice):
    client.post(reverse("account_reset_password"), {"email": "alice@example.com"})
    link = link_from_email("alice@example.com", "/accounts/password/reset/key/")
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    response = client.post(form_url, {"password1": NEW_PASSWORD, "password2": "nope-nope-nope-1"})
    assert response.status_code == 200
    assert "You must type the same password each time." in response.content.decode()


def test_a_reset_for_an_unknown_address_tells_nobody_who_has_an_account(client, db):
    response = client.post(reverse("account_reset_password"), {"email": "nobody@example.com"})
    assert response["Location"] == reverse("account_reset_password_done")
    message = last_message_to("nobody@example.com")
    assert "there is no account with this address" in message.body


def test_a_bad_reset_email_is_explained_and_kept(client, db):
    response = client.post(reverse("account_reset_password"), {"email": "alice@"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Enter a valid email address." in body and 'value="alice@"' in body


def test_changing_the_password_needs_the_current_one(alice_client, alice):
    response = alice_client.post(
        reverse("account_change_password"),
        {"oldpassword": "wrong", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 200
    assert "Please type your current password." in response.content.decode()
    alice.refresh_from_db()
    assert alice.check_password(PASSWORD)


def test_changing_the_password_keeps_you_signed_in_and_tells_you_by_email(alice_client, alice):
    response = alice_client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
        follow=True,
    )
    assert b"Your new password is saved." in response.content
    assert alice_client.get(reverse("accounts:profile")).status_code == 200
    alice.refresh_from_db()
    assert alice.check_password(NEW_PASSWORD)
    message = last_message_to("alice@example.com")
    assert message.subject == "[Trustapp] Your password changed"
    assert "If it was not you" in message.body
