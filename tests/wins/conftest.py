"""Helpers for the good news tests."""

import pytest
from django.urls import reverse

from tests.support.notices import catch_notices
from trustapp.wins.models import Win


def url(name, partnership, *args):
    return reverse(f"wins:{name}", args=[partnership.public_id, *args])


def make_win(partnership, author, text="I got the job!", **fields):
    return Win.objects.create(partnership=partnership, author=author, text=text, **fields)


@pytest.fixture
def alice_news(partnership, alice):
    return make_win(partnership, alice)


@pytest.fixture
def notices(monkeypatch):
    """Every call to notify_partner made by the good news services, as kwargs."""
    return catch_notices(monkeypatch, "trustapp.wins.services.notify_partner")
