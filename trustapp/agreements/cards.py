"""What agreements shows outside its own pages: the waiting counts, the home card, and
an agreement in force for the partner to notice kept."""

from django.utils import timezone

from trustapp.agreements import services
from trustapp.agreements.models import Agreement
from trustapp.couples.kept import Kept


def waiting_counts(partnership, user):
    """What waits for `user`, counted once per request (nav, page and home card share it)."""
    cache = partnership.__dict__.setdefault("_agreements_waiting", {})
    if user.pk not in cache:
        counts = services.waiting_counts(partnership, user)
        cache[user.pk] = counts | {"total": counts["agreements"] + counts["boundaries"]}
    return cache[user.pk]


def home_card(partnership, user):
    """What waits for `user`, what is due for a revisit, and how many are in force. The
    counts say whether any revisit date has come; only then are those due read."""
    summary = Agreement.objects.summary(partnership)
    first_revisit, today = summary.pop("first_revisit"), timezone.localdate()
    due = []
    if first_revisit is not None and first_revisit <= today:
        due = list(
            Agreement.objects.due_for_revisit(partnership, today).values(
                "pk", "title", "revisit_on"
            )[:4]
        )
    return {"waiting": waiting_counts(partnership, user), "due": due, **summary}


def home_waiting(card):
    """Something waits for this person's answer, or is due for a revisit."""
    return bool(card["waiting"]["total"] or card["due"])


def kept(partnership, user, pk):
    """An agreement in force is kept by both; either may notice the other keeping it."""
    agreement = (
        Agreement.objects.in_force().filter(partnership=partnership, pk=pk).only("title").first()
    )
    if agreement is None:
        return None
    agreement.partnership = partnership
    return Kept(words=agreement.title, url=agreement.get_absolute_url())
