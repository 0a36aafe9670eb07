""" "Did you feel heard?" in a person's download (see trustapp/privacy/rules.py).

Each note is its writer's alone, shown to the partner only while the writer shares their
trend; a download holds one's own notes and nobody else's.
"""

from trustapp.heard.models import Feeling, SharedTrend
from trustapp.privacy.rules import keeps


def export_partnership(partnership, user, scope):
    shared = SharedTrend.objects.filter(partnership=partnership, user=user).exists()
    if not keeps(scope, user, author_id=user.pk, shared=shared):
        return []
    notes = Feeling.objects.filter(partnership=partnership, user=user).order_by("noted_at", "pk")
    return [
        {
            "after": "conversation" if note.conversation_id else "check-in",
            "understood": note.understood,
            "cared_for": note.cared_for,
            "noted_at": note.noted_at,
            "shown_to_partner": shared,
        }
        for note in notes
    ]


def count_rows(user):
    return Feeling.objects.filter(user=user).count()


def delete_private(user):
    """Every note is private to its writer, shared or not: it goes with their account."""
    Feeling.objects.filter(user=user).delete()
    SharedTrend.objects.filter(user=user).delete()
