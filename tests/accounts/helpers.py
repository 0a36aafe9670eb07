"""Small helpers the account tests share."""

from django.urls import reverse

from tests.conftest import PASSWORD


def sign_in(client, email="alice@example.com", password=PASSWORD):
    """Sign in through allauth's real form (which also records a session)."""
    return client.post(reverse("account_login"), {"login": email, "password": password})


def is_signed_in(client):
    return "_auth_user_id" in client.session
