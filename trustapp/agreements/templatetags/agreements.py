from django import template

from trustapp.agreements.models import Agreement

register = template.Library()


def waiting_counts(partnership, user):
    """What waits for `user`, counted once per request (nav, page and home card share it)."""
    from trustapp.agreements.services import waiting_counts as count

    cache = partnership.__dict__.setdefault("_agreements_waiting", {})
    if user.pk not in cache:
        counts = count(partnership, user)
        cache[user.pk] = counts | {"total": counts["agreements"] + counts["boundaries"]}
    return cache[user.pk]


@register.simple_tag
def agreements_waiting(partnership, user):
    """`{% agreements_waiting partnership user as count %}`"""
    if partnership is None or not user.is_authenticated:
        return 0
    return waiting_counts(partnership, user)["total"]


@register.simple_tag
def agreements_waiting_counts(partnership, user):
    """`{% agreements_waiting_counts partnership user as waiting %}`: agreements, boundaries."""
    return waiting_counts(partnership, user)


@register.simple_tag
def agreements_home(partnership, user):
    """Everything the home card shows, in three flat queries."""
    due = list(Agreement.objects.due_for_revisit(partnership).only("pk", "title", "revisit_on")[:4])
    return {
        "waiting": waiting_counts(partnership, user),
        "due": due,
        **Agreement.objects.summary(partnership),
    }
