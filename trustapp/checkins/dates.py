"""The next check-in of each space, as a date in the person's calendar."""

from datetime import timedelta

from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from trustapp.calendar.entries import Entry
from trustapp.checkins.models import CheckIn, CheckInCadence, CheckInSchedule
from trustapp.notifications.models import Cadence, ReminderPreference

DAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
LENGTH = timedelta(minutes=30)


def reminder_rule(preference):
    """The person's reminder rhythm as an RFC 5545 RRULE."""
    if preference.cadence == Cadence.MONTHLY:
        day = preference.day_of_month
        if day <= 28:
            return {"freq": "MONTHLY", "bymonthday": day}
        # The 30th in February is its last day: the last of 28th..30th that the month has.
        return {"freq": "MONTHLY", "bymonthday": list(range(28, day + 1)), "bysetpos": -1}
    rule = {"freq": "WEEKLY", "byday": DAY_CODES[preference.weekday]}
    if preference.cadence == Cadence.FORTNIGHTLY:
        rule["interval"] = 2
    return rule


def next_checkin(user, partnership, *, preference, last_opened, cadence):
    """At the person's reminder time, repeating as their reminders do; without reminders,
    the day the space's next check-in is due (all day, in the person's own zone)."""
    partner = partnership.partner_of(user)
    common = {
        "key": f"checkin:{partnership.public_id}",
        "title": _("Check-in with %(name)s") % {"name": partner.name},
        "path": partnership.get_absolute_url() + "check-ins/",
        "description": _("A few quiet minutes together: how we are, and one small step."),
    }
    if preference is not None and preference.is_on and preference.next_run_at is not None:
        return Entry(
            start=preference.next_run_at.astimezone(preference.zone),
            duration=LENGTH,
            rrule=reminder_rule(preference),
            **common,
        )
    today = timezone.now().astimezone(user.zone).date()
    due = today
    if last_opened is not None:
        due = max(
            today, CheckInSchedule.next_date(last_opened.astimezone(user.zone).date(), cadence)
        )
    return Entry(start=due, **common)


def checkin_entries(user, partnerships):
    paired = [partnership for partnership in partnerships if partnership.is_paired]
    if not paired:
        return []
    preference = ReminderPreference.objects.filter(user=user).first()
    last_opened = dict(
        CheckIn.objects.filter(partnership__in=paired)
        .values("partnership")
        .annotate(last=Max("opened_at"))
        .values_list("partnership", "last")
    )
    cadences = dict(
        CheckInSchedule.objects.filter(partnership__in=paired).values_list("partnership", "cadence")
    )
    return [
        next_checkin(
            user,
            partnership,
            preference=preference,
            last_opened=last_opened.get(partnership.pk),
            cadence=cadences.get(partnership.pk, CheckInCadence.WEEKLY),
        )
        for partnership in paired
    ]
