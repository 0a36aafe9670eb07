"""Naming, changing and removing a couple's dates, and which of them are near."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from trustapp.dates.models import OurDate

NEAR_DAYS = 14


class DateError(Exception):
    pass


class DateConflict(DateError):
    """The partner changed or removed the day since the form was opened."""

    def __init__(self, message, version):
        super().__init__(message)
        self.version = version


def date_add(*, partnership, user, name, day, yearly, together_since=False):
    try:
        with transaction.atomic():
            return OurDate.objects.create(
                partnership=partnership,
                together_since=together_since,
                name=name,
                day=day,
                yearly=True if together_since else yearly,
                added_by=user,
                changed_by=user,
            )
    except IntegrityError:
        raise DateError(
            _("The day you got together is already set. You can change it in the list.")
        ) from None


def date_change(*, our_date, user, name, day, yearly, version):
    """Change the day, unless the partner changed it since `version`."""
    changed = OurDate.objects.filter(pk=our_date.pk, version=version).update(
        name="" if our_date.together_since else name,
        day=day,
        yearly=True if our_date.together_since else yearly,
        changed_by=user,
        changed_at=timezone.now(),
        version=F("version") + 1,
    )
    our_date.refresh_from_db()
    if not changed:
        raise DateConflict(
            _(
                "Your partner changed this day while you were editing. It now reads as "
                "shown; your changes are still in the form if you want to save them instead."
            ),
            our_date.version,
        )
    return our_date


def date_remove(*, our_date):
    our_date.delete()


def dates_of(partnership):
    dates = list(partnership.our_dates.all())
    for our_date in dates:
        our_date.partnership = partnership
    return dates


def near(dates, today, *, days=NEAR_DAYS):
    """The days coming in the next `days` days, soonest first, each with `on`, `in_days`
    and `years` (how many years it will be)."""
    coming = []
    for our_date in dates:
        on = our_date.next_on(today)
        if on is None or (on - today).days > days:
            continue
        our_date.on, our_date.in_days = on, (on - today).days
        our_date.years = our_date.years_on(on) if our_date.yearly else 0
        coming.append(our_date)
    return sorted(coming, key=lambda d: (d.on, d.pk))
