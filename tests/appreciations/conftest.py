"""Helpers for the appreciation tests: one entry at a time, or thousands at once."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.support.notices import catch_notices
from trustapp.appreciations.models import Appreciation, AppreciationQuality, Quality


def make_appreciation(
    partnership,
    author,
    recipient,
    text="Made tea without being asked.",
    *,
    happened_on=None,
    shared=True,
    qualities=(),
    **fields,
):
    now = timezone.now()
    appreciation = Appreciation.objects.create(
        partnership=partnership,
        author=author,
        recipient=recipient,
        text=text,
        happened_on=happened_on or timezone.localdate(),
        created_at=fields.pop("created_at", now),
        shared_at=fields.pop("shared_at", now if shared else None),
        **fields,
    )
    AppreciationQuality.objects.bulk_create(
        [AppreciationQuality(appreciation=appreciation, quality=q) for q in qualities]
    )
    return appreciation


def bulk_appreciations(partnership, first, second, count):
    """`count` shared appreciations spread over the last year, each with one quality."""
    now = timezone.now()
    today = timezone.localdate()
    rows = [
        Appreciation(
            partnership=partnership,
            author=first if index % 2 else second,
            recipient=second if index % 2 else first,
            text=f"Kind thing number {index}",
            happened_on=today - timedelta(days=index % 365),
            created_at=now,
            shared_at=now,
        )
        for index in range(count)
    ]
    created = Appreciation.objects.bulk_create(rows, batch_size=2000)
    qualities = Quality.values
    AppreciationQuality.objects.bulk_create(
        [
            AppreciationQuality(appreciation=a, quality=qualities[index % len(qualities)])
            for index, a in enumerate(created)
        ],
        batch_size=2000,
    )
    return created


@pytest.fixture
def from_alice(partnership, alice, bob):
    """A shared appreciation alice wrote about bob."""
    return make_appreciation(partnership, alice, bob, qualities=["kind", "reliable"])


@pytest.fixture
def private_note(partnership, alice, bob):
    """A note alice keeps to herself for now."""
    return make_appreciation(partnership, alice, bob, "Fixed the chair quietly.", shared=False)


@pytest.fixture
def notices(monkeypatch):
    """Every call to notify_partner made by the appreciation services, as kwargs."""
    return catch_notices(monkeypatch, "trustapp.appreciations.services.notify_partner")
