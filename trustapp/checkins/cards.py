"""What check-ins show on the home of a space."""

from django.db.models import Count, Exists, OuterRef
from django.utils import timezone

from trustapp.checkins import services
from trustapp.checkins.models import Answer


def home_card(partnership, user):
    """The latest check-in, who answered it, and when the next one is due."""
    if not partnership.is_paired:
        return {}
    latest = (
        partnership.checkins.annotate(
            answer_count=Count("answers"),
            i_answered=Exists(Answer.objects.filter(checkin=OuterRef("pk"), author=user)),
        )
        .order_by("-opened_at")
        .first()
    )
    if latest is None:
        return {"latest": None}
    next_due = services.next_due_date(latest, services.cadence_of(partnership))
    return {
        "latest": latest,
        "i_answered": latest.i_answered,
        "partner_answered": latest.answer_count - int(latest.i_answered) > 0,
        "next_due": next_due,
        "due": timezone.localdate() >= next_due,
    }
