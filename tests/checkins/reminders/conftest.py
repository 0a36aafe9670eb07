"""Helpers for reminder tests: a person whose reminder is due, and reading what was sent."""

from datetime import time

import pytest
from django.core import mail

from trustapp.checkins.reminders import services
from trustapp.checkins.reminders.models import ReminderDelivery


def set_preference(user, **fields):
    fields.setdefault("time_zone", user.time_zone)
    return services.preference_save(user=user, **fields)


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
