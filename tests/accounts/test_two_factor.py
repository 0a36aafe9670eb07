"""Two-factor sign-in: an authenticator app (TOTP) with single-use recovery codes."""

import importlib

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.apps import apps as django_apps
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from tests.accounts.helpers import is_signed_in, sign_in
from tests.conftest import PASSWORD, make_user
from tests.support.mail import last_message_to
from trustapp.accounts import mfa
from trustapp.accounts.templatetags.account_forms import in_groups_of_four


def current_code(secret):
    """The code an authenticator app shows right now, by allauth's own arithmetic."""
    counters = list(yield_hotp_counters_from_time())
    return format_hotp_value(hotp_value(secret, counters[len(counters) // 2]))


@pytest.fixture
def alice_secret(alice):
    """Alice already has two-factor sign-in on."""
    secret = generate_totp_secret()
    TOTP.activate(alice, secret)
    RecoveryCodes.activate(alice)
    return secret


def recovery_codes(user):
    authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.RECOVERY_CODES)
    return authenticator.wrap().get_unused_codes()


def test_the_two_factor_page_explains_it_is_off(alice_client):
    response = alice_client.get(reverse("mfa_index"))
    assert response.status_code == 200
    assert b"Signing in needs only your password." in response.content
    assert reverse("mfa_activate_totp").encode() in response.content


def test_turning_it_on_with_an_authenticator_app(client, transactional_db):
    # transactional_db: the "two-factor is on" email is sent when the change commits.
    alice = make_user("alice@example.com", "Alice")
    sign_in(client)
    # Sensitive changes ask for the password again first.
    response = client.get(reverse("mfa_activate_totp"))
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    response = client.post(
        response["Location"], {"password": PASSWORD}, headers={"referer": response["Location"]}
    )
    assert response["Location"] == reverse("mfa_activate_totp")

    page = client.get(reverse("mfa_activate_totp"))
    body = page.content.decode()
    assert 'src="data:image/svg+xml;base64,' in body
    secret = page.context["form"].secret
    assert in_groups_of_four(secret) in body

    response = client.post(reverse("mfa_activate_totp"), {"code": "000000"})
    assert response.status_code == 200
    assert "Incorrect code." in response.content.decode()

    response = client.post(reverse("mfa_activate_totp"), {"code": current_code(secret)})
    assert response["Location"] == reverse("mfa_view_recovery_codes")
    assert Authenticator.objects.filter(user=alice, type=Authenticator.Type.TOTP).exists()
    codes_page = client.get(response["Location"]).content.decode()
    codes = recovery_codes(alice)
    assert len(codes) == 10 and all(code in codes_page for code in codes)
    assert last_message_to("alice@example.com").subject == "[Trustapp] Two-factor sign-in is on"


def test_signing_in_then_asks_for_the_app_code(client, alice, alice_secret):
    response = sign_in(client)
    assert response["Location"] == reverse("mfa_authenticate")
    assert not is_signed_in(client)

    response = client.post(reverse("mfa_authenticate"), {"code": "123456"})
    assert response.status_code == 200
    assert "Incorrect code." in response.content.decode()
    assert not is_signed_in(client)

    response = client.post(reverse("mfa_authenticate"), {"code": current_code(alice_secret)})
    assert response.status_code == 302
    assert is_signed_in(client)


def test_a_post_without_a_code_field_is_asked_for_the_code(client, alice, alice_secret):
    """Browsers always send the field; a hand-made post without it gets the form back."""
    sign_in(client)
    response = client.post(reverse("mfa_authenticate"), {})
    assert response.status_code == 200
    assert 'name="code"' in response.content.decode()
    assert not is_signed_in(client)


def test_an_app_code_cannot_be_used_twice(alice, alice_secret):
    code = current_code(alice_secret)
    first, second = Client(), Client()
    sign_in(first)
    first.post(reverse("mfa_authenticate"), {"code": code})
    assert is_signed_in(first)
    sign_in(second)
    response = second.post(reverse("mfa_authenticate"), {"code": code})
    assert "Incorrect code." in response.content.decode()
    assert not is_signed_in(second)


def test_a_recovery_code_works_once(alice, alice_secret):
    code = recovery_codes(alice)[0]
    client = Client()
    sign_in(client)
    client.post(reverse("mfa_authenticate"), {"code": code})
    assert is_signed_in(client)
    assert code not in recovery_codes(alice)

    cache.clear()
    again = Client()
    sign_in(again)
    response = again.post(reverse("mfa_authenticate"), {"code": code})
    assert "Incorrect code." in response.content.decode()
    assert not is_signed_in(again)


def test_the_page_shows_how_many_recovery_codes_are_left(alice_client, alice, alice_secret):
    body = alice_client.get(reverse("mfa_index")).content.decode()
    assert "Signing in asks for a code from your authenticator app." in body
    assert "You have 10 of 10 left." in body


def test_the_secrets_are_stored_encrypted(alice, alice_secret):
    codes = recovery_codes(alice)
    stored = {a.type: a.data for a in Authenticator.objects.filter(user=alice)}
    assert alice_secret not in str(stored)
    assert stored["totp"]["secret"] != alice_secret
    assert mfa.decrypt(stored["totp"]["secret"]) == alice_secret
    seed = mfa.decrypt(stored["recovery_codes"]["seed"])
    assert seed not in str(stored)
    assert not any(code in str(stored) for code in codes)


def test_secrets_stored_in_plain_text_before_are_encrypted_and_keep_working(alice):
    """The data migration: rows written before encryption keep signing people in."""
    secret = generate_totp_secret()
    totp = Authenticator.objects.create(user=alice, type="totp", data={"secret": secret})
    seed = "00112233445566778899aabbccddeeff00112233"
    Authenticator.objects.create(
        user=alice, type="recovery_codes", data={"seed": seed, "used_mask": 0}
    )
    migration = importlib.import_module(
        "trustapp.accounts.migrations.0005_encrypt_two_factor_secrets"
    )
    migration.encrypt_plain(django_apps, None)
    migration.encrypt_plain(django_apps, None)  # safe to run twice

    totp.refresh_from_db()
    assert totp.data["secret"] != secret and mfa.decrypt(totp.data["secret"]) == secret
    assert RecoveryCodes(
        Authenticator.objects.get(user=alice, type="recovery_codes")
    ).get_unused_codes()
    client = Client()
    sign_in(client)
    client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    assert is_signed_in(client)
