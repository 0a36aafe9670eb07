"""A person's own pages under /me/ and the account pages: query budgets that hold when the
person has been in a hundred shared spaces. (The sessions page's cost per signed-in device
is asserted in tests/accounts/test_sessions.py.)"""

from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.conftest import make_user
from tests.load.budget import GROWTH, Budget, Call, assert_budgets
from trustapp.couples.models import Membership, Partnership
from trustapp.notifications.models import PushSubscription
from trustapp.notifications.tokens import make_token


def grow(world):
    now = timezone.now()
    ended = Partnership.objects.bulk_create(
        Partnership(ended_at=now, ended_by=world.alice) for _ in range(GROWTH)
    )
    others = [make_user(f"past{index}@example.com", f"Past {index}") for index in range(3)]
    Membership.objects.bulk_create(
        membership
        for index, partnership in enumerate(ended)
        for membership in (
            Membership(partnership=partnership, user=world.alice, slot=1, left_at=now),
            Membership(partnership=partnership, user=others[index % 3], slot=2),
        )
    )
    PushSubscription.objects.bulk_create(
        PushSubscription(
            user=world.alice,
            endpoint=f"https://push.example.net/send/{index}",
            p256dh="B" * 87,
            auth="A" * 22,
            name=f"Device {index}",
        )
        for index in range(GROWTH)
    )


PAGES = [
    Budget("profile", 2, lambda w: Call(reverse("accounts:profile"))),
    Budget("privacy", 5, lambda w: Call(reverse("privacy:privacy"))),
    Budget("download my data", 3, lambda w: Call(reverse("privacy:export"))),
    Budget("delete my account", 4, lambda w: Call(reverse("privacy:delete"))),
    # One more when the person has devices for push notifications (grown too).
    Budget("reminders", 7, lambda w: Call(reverse("notifications:settings"))),
    Budget("email addresses", 6, lambda w: Call(reverse("account_email"))),
    Budget("two-factor", 4, lambda w: Call(reverse("mfa_index"))),
    Budget(
        "reminder link: unsubscribe",
        4,
        lambda w: Call(reverse("notifications:unsubscribe", args=[token(w, "reminders")])),
    ),
    Budget(
        "reminder link: snooze",
        4,
        lambda w: Call(reverse("notifications:snooze", args=[token(w, "snooze")])),
    ),
]

REMINDER_SETTINGS = {
    "cadence": "weekly",
    "weekday": "6",
    "day_of_month": "1",
    "local_time": "18:30",
    "time_zone": "Europe/Berlin",
    "activity_emails": "digest",
}

ACTIONS = [
    Budget(
        "reminder settings (form)",
        11,
        lambda w: Call(reverse("notifications:settings"), "post", REMINDER_SETTINGS, status=302),
    ),
    Budget(
        "reminder settings (htmx)",
        14,
        lambda w: Call(reverse("notifications:settings"), "post", REMINDER_SETTINGS, htmx=True),
    ),
    Budget(
        "pause reminders", 11, lambda w: Call(reverse("notifications:pause"), "post", status=302)
    ),
    Budget(
        "resume reminders", 10, lambda w: Call(reverse("notifications:resume"), "post", status=302)
    ),
    Budget(
        "discreet emails (htmx)",
        3,
        lambda w: Call(reverse("privacy:privacy"), "post", {"discreet_emails": "on"}, htmx=True),
    ),
]


def token(world, action):
    return make_token(world.alice, action)


@pytest.fixture
def world(partnership, alice, bob):
    PushSubscription.objects.create(
        user=alice, endpoint="https://push.example.net/send/a", p256dh="B", auth="A", name="Phone"
    )
    return SimpleNamespace(partnership=partnership, alice=alice, bob=bob)


def test_every_account_page_and_action_keeps_its_query_budget_as_data_grows(alice_client, world):
    assert_budgets(alice_client, world, PAGES + ACTIONS, grow)
