"""What check-ins show outside their own pages: the home card, and a small step done for
the partner to notice."""

from django.db.models import Count, OuterRef, Q, Subquery
from django.utils import timezone

from trustapp.checkins import services
from trustapp.checkins.models import ActionPoint, CheckIn, CheckInCadence, CheckInSchedule
from trustapp.couples.kept import Kept


def home_card(partnership, user):
    """The latest check-in, who answered it, and when the next one is due: one query, the
    answers counted by author in one join and the space's rhythm read alongside."""
    if not partnership.is_paired:
        return {}
    cadence = CheckInSchedule.objects.filter(partnership=OuterRef("partnership_id"))
    latest = (
        CheckIn.objects.filter(partnership=partnership)
        .annotate(
            mine=Count("answers", filter=Q(answers__author=user)),
            theirs=Count("answers", filter=~Q(answers__author=user)),
            cadence=Subquery(cadence.values("cadence")[:1]),
        )
        .order_by("-opened_at")
        .first()
    )
    if latest is None:
        return {"latest": None}
    latest.partnership = partnership
    next_due = services.next_due_date(latest, latest.cadence or CheckInCadence.WEEKLY)
    return {
        "latest": latest,
        "i_answered": latest.mine > 0,
        "partner_answered": latest.theirs > 0,
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
