"""What check-ins show outside their own pages: the home card, and a small step done for
the partner to notice."""

from django.db.models import Count, Exists, OuterRef
from django.utils import timezone

from trustapp.checkins import services
from trustapp.checkins.models import ActionPoint, Answer
from trustapp.couples.kept import Kept


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


def home_waiting(card):
    """A check-in is due, or one is open and waits for this person's answer or a talk."""
    latest = card.get("latest")
    if latest is None:
        return False
    return card["due"] or latest.is_open


def kept(partnership, user, pk):
    """A small step marked done that the partner of `user` took, alone or with them."""
    step = (
        ActionPoint.objects.filter(checkin__partnership=partnership, pk=pk, done_at__isnull=False)
        .select_related("checkin")
        .first()
    )
    if step is None or not step.noticeable_by(user):
        return None
    step.checkin.partnership = partnership
    return Kept(words=step.text, url=f"{step.checkin.get_absolute_url()}#{step.anchor}")
