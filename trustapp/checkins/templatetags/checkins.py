from django import template
from django.db.models import Count, Exists, OuterRef
from django.utils import timezone

from trustapp.checkins import services
from trustapp.checkins.models import Answer

register = template.Library()


@register.simple_tag
def checkin_status(partnership, user):
    """What the home card says about the latest check-in, in two queries."""
    latest = (
        partnership.checkins.annotate(
            answer_count=Count("answers"),
            i_answered=Exists(Answer.objects.filter(checkin=OuterRef("pk"), author=user)),
        )
        .order_by("-opened_at")
        .first()
    )
    if latest is None:
        return {"latest": None, "cadence": services.cadence_of(partnership)}
    next_due = services.next_due_date(latest, services.cadence_of(partnership))
    return {
        "latest": latest,
        "i_answered": latest.i_answered,
        "partner_answered": latest.answer_count - int(latest.i_answered) > 0,
        "next_due": next_due,
        "due": timezone.localdate() >= next_due,
    }
