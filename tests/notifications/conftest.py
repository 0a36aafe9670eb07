"""Helpers for reminder tests: a person whose reminder is due, and reading what was sent."""

from datetime import time, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from tests.conftest import make_partnership, make_user
from trustapp.notifications import services
from trustapp.notifications.models import ReminderDelivery, ReminderPreference


def set_preference(user, **fields):
    fields.setdefault("time_zone", user.time_zone)
    return services.preference_save(user=user, **fields)


def make_due(user):
    """A weekly reminder for `user` that was due a minute ago."""
    set_preference(user, cadence="weekly")
    ReminderPreference.objects.filter(user=user).update(
        next_run_at=timezone.now() - timedelta(minutes=1)
    )


def make_due_people(count):
    """`count` people in pairs, each with a weekly reminder that was due a minute ago."""
    users = [make_user(f"person{i}@example.com", f"Person {i}") for i in range(count)]
    for first, second in zip(users[::2], users[1::2], strict=True):
        make_partnership(first, second)
    due = timezone.now() - timedelta(minutes=1)
    ReminderPreference.objects.bulk_create(
        [ReminderPreference(user=user, time_zone=user.time_zone, next_run_at=due) for user in users]
    )
    return users


def tell(recipient, *, about, by, message="They noticed something you did.", path="/", **more):
    """What a feature does when a partner acts: notify_partner, with test-sized defaults."""
    from trustapp.notifications.notify import notify_partner

    notify_partner(
        partnership=about,
        recipient=recipient,
        actor=by,
        kind=more.get("kind", "appreciation"),
        subject=more.get("subject", "An appreciation for you"),
        message=message,
        path=path,
    )


def sent_to(address):
    return [message for message in mail.outbox if address in message.to]


def message_ids(messages):
    return [message.extra_headers["Message-ID"] for message in messages]


def deliveries(user, kind=ReminderDelivery.Kind.REMINDER):
    return list(ReminderDelivery.objects.filter(user=user, kind=kind).order_by("due_at"))


@pytest.fixture
def weekly_sunday_evening():
    """Sunday 18:00 every week, the defaults spelled out."""
    return {"cadence": "weekly", "weekday": 6, "local_time": time(18, 0)}
