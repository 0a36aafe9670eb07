"""What our dates add to other apps' pages: a home card with the days that are near, and
each day in both partners' calendar feeds."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from trustapp.calendar.entries import Entry
from trustapp.dates import services
from trustapp.dates.models import OurDate

# A one-off day just gone stays in the calendar a little while.
KEEP_PAST = timedelta(days=30)


def home_card(partnership, user):
    if not partnership.is_paired:
        return {"paired": False}
    dates = services.dates_of(partnership)
    return {
        "paired": True,
        "near": services.near(dates, timezone.localdate()),
        "has_together_since": any(d.together_since for d in dates),
    }


def home_waiting(card):
    """A day that matters comes in the next two weeks."""
    return bool(card.get("near"))


def calendar_entries(user, partnerships):
    paired = {p.pk: p for p in partnerships if p.is_paired}
    since = timezone.now().astimezone(user.zone).date() - KEEP_PAST
    dates = OurDate.objects.filter(partnership__in=paired).exclude(yearly=False, day__lt=since)
    entries = []
    for our_date in dates:
        partnership = paired[our_date.partnership_id]
        entries.append(
            Entry(
                key=f"date:{our_date.pk}",
                title=str(our_date.coming_title),
                start=our_date.day,
                rrule={"freq": "YEARLY"} if our_date.yearly else None,
                path=reverse("dates:index", args=[partnership.public_id]),
                description=_("A day that matters to you and %(name)s.")
                % {"name": partnership.partner_of(user).name},
            )
        )
    return entries
