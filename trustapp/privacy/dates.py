"""Our dates in a person's download (see trustapp/privacy/rules.py).

A day is shared the moment either partner names it; a personal copy narrowed to one's
own words keeps the days that person added.
"""

from trustapp.dates.models import OurDate
from trustapp.privacy.rules import keeps, who


def export_partnership(partnership, user, scope):
    items = []
    for our_date in OurDate.objects.filter(partnership=partnership).order_by("day", "pk"):
        if not keeps(scope, user, author_id=our_date.added_by_id, shared=True):
            continue
        items.append(
            {
                "name": str(our_date.title),
                "together_since": our_date.together_since,
                "day": our_date.day,
                "every_year": our_date.yearly,
                "added_by": who(user, our_date.added_by_id),
                "last_changed_by": who(user, our_date.changed_by_id),
                "last_changed_at": our_date.changed_at,
            }
        )
    return items


def count_rows(user):
    return OurDate.objects.filter(partnership__memberships__user=user).count()


def delete_private(user):
    """Nothing: a day is shared the moment it is named, so it stays with the space like
    every shared word (the couple's data choice decides)."""
