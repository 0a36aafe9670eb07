"""What agreements shows outside its own pages: the waiting counts and the home card."""

from trustapp.agreements import services
from trustapp.agreements.models import Agreement


def waiting_counts(partnership, user):
    """What waits for `user`, counted once per request (nav, page and home card share it)."""
    cache = partnership.__dict__.setdefault("_agreements_waiting", {})
    if user.pk not in cache:
        counts = services.waiting_counts(partnership, user)
        cache[user.pk] = counts | {"total": counts["agreements"] + counts["boundaries"]}
    return cache[user.pk]


def home_card(partnership, user):
    """What waits for `user`, what is due for a revisit, and how many are in force."""
    due = list(Agreement.objects.due_for_revisit(partnership).only("pk", "title", "revisit_on")[:4])
    return {
        "waiting": waiting_counts(partnership, user),
        "due": due,
        **Agreement.objects.summary(partnership),
    }
