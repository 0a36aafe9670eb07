"""Noting how heard one felt, and choosing whether one's partner may see one's trend."""

from django.db import transaction
from django.utils import timezone

from trustapp.heard.models import Feeling, SharedTrend

TREND_SIZE = 30


def feeling_note(*, partnership, user, understood, cared_for, conversation=None, checkin=None):
    """Save (or change) this person's note about a revealed conversation or check-in."""
    feeling, _created = Feeling.objects.update_or_create(
        user=user,
        conversation=conversation,
        checkin=checkin,
        defaults={
            "partnership": partnership,
            "understood": understood,
            "cared_for": cared_for,
            "noted_at": timezone.now(),
        },
    )
    return feeling


def feeling_of(user, *, conversation=None, checkin=None):
    return Feeling.objects.filter(user=user, conversation=conversation, checkin=checkin).first()


def trend_of(partnership, user):
    """The person's latest notes in this space, oldest first."""
    notes = list(
        Feeling.objects.filter(partnership=partnership, user=user).order_by("-noted_at", "-pk")[
            :TREND_SIZE
        ]
    )
    return notes[::-1]


def shares(partnership, user):
    return SharedTrend.objects.filter(partnership=partnership, user=user).exists()


def trend_share(*, partnership, user, share):
    with transaction.atomic():
        if share:
            SharedTrend.objects.get_or_create(partnership=partnership, user=user)
        else:
            SharedTrend.objects.filter(partnership=partnership, user=user).delete()
