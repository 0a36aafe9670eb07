"""Every account page looks like the app and keeps the strict CSP: no inline style or script."""

import re

import pytest
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.urls import reverse

from tests.conftest import PASSWORD, client_for

SIGNED_OUT_PAGES = [
    "account_login",
    "account_signup",
    "account_reset_password",
    "account_reset_password_done",
    "account_inactive",
]
SIGNED_IN_PAGES = [
    "accounts:profile",
    "account_email",
    "account_change_password",
    "account_logout",
    "account_reauthenticate",
    "mfa_index",
    "mfa_view_recovery_codes",
    "mfa_generate_recovery_codes",
    "usersessions_list",
]


def assert_looks_like_the_app(response):
    assert response.status_code == 200
    body = response.content.decode()
    assert 'href="/static/css/accounts.css"' in body
    assert "style=" not in body, "strict CSP: no style attributes"
    assert "<style" not in body
    inline_scripts = [s for s in re.findall(r"<script[^>]*>", body) if "src=" not in s]
    assert inline_scripts == [], inline_scripts
    assert "<h1>" in body
    return body


@pytest.mark.parametrize("name", SIGNED_OUT_PAGES)
def test_signed_out_pages(client, db, name):
    assert_looks_like_the_app(client.get(reverse(name)))


@pytest.mark.parametrize("name", SIGNED_IN_PAGES)
def test_signed_in_pages(alice_client, alice, name):
    TOTP.activate(alice, generate_totp_secret())
    RecoveryCodes.activate(alice)
    response = alice_client.get(reverse(name))
    if name.endswith("_recovery_codes"):  # asks for a password or app code first
        assert response["Location"].startswith(reverse("account_reauthenticate"))
        return
    body = assert_looks_like_the_app(response)
    assert 'aria-current="page"' in body or name == "account_reauthenticate"


def test_a_form_page_uses_our_fields_buttons_and_labels(client, db):
    body = assert_looks_like_the_app(client.get(reverse("account_reset_password")))
    assert 'class="account-form"' in body
    assert 'class="button primary"' in body
    assert '<label for="id_email">' in body
    assert "placeholder" not in body


def test_allauth_pages_we_did_not_rewrite_render_through_our_elements(alice):
    """Setting a first password is allauth's own template, drawn with our element templates."""
    alice.set_unusable_password()
    alice.save()
    body = assert_looks_like_the_app(client_for(alice).get(reverse("account_set_password")))
    assert '<form method="post" action="/accounts/password/set/" class="account-form"' in body
    assert '<label for="id_password1">' in body
    assert '<button class="button primary" type="submit" name="action">' in body
    assert 'aria-current="page"' in body


def test_the_mfa_sign_in_step_and_totp_pages(client, alice):
    TOTP.activate(alice, generate_totp_secret())
    client.post(reverse("account_login"), {"login": alice.email, "password": PASSWORD})
    assert_looks_like_the_app(client.get(reverse("mfa_authenticate")))


def test_the_totp_set_up_page_draws_the_qr_code_as_an_image(client, alice):
    client.post(reverse("account_login"), {"login": alice.email, "password": PASSWORD})
    client.post(
        reverse("account_reauthenticate") + "?next=" + reverse("mfa_activate_totp"),
        {"password": PASSWORD},
    )
    body = assert_looks_like_the_app(client.get(reverse("mfa_activate_totp")))
    assert re.search(r'<img class="qr" src="data:image/svg\+xml;base64,[^"]+"', body)
    assert 'alt="QR code for your authenticator app.' in body
