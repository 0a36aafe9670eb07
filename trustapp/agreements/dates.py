"""Revisit dates of agreements in force, as dates in each partner's calendar."""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from trustapp.agreements.models import Agreement
from trustapp.calendar.entries import Entry

# A date just gone stays a while, until the two of you have talked.
KEEP_PAST = timedelta(days=30)


def revisit_entries(user, partnerships):
    since = timezone.now().astimezone(user.zone).date() - KEEP_PAST
    agreements = (
        Agreement.objects.in_force()
        .filter(partnership__in=partnerships, revisit_on__gte=since)
        .select_related("partnership")
    )
    return [
        Entry(
            key=f"agreement:{agreement.pk}:revisit",
            title=_("Look again at: %(title)s") % {"title": agreement.title},
            start=agreement.revisit_on,
            path=agreement.get_absolute_url(),
            description=_("The day you chose to talk about this agreement again."),
        )
        for agreement in agreements
    ]
