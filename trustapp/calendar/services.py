"""Turning a person's dates into iCalendar (RFC 5545) text, in their own time zone."""

from datetime import timedelta

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vRecur

from trustapp.calendar.entries import entries_for
from trustapp.calendar.models import CalendarFeed
from trustapp.couples.models import Membership


def feed_for(user):
    return CalendarFeed.objects.filter(user=user).first()


def feed_turn_on(*, user):
    feed, created = CalendarFeed.objects.get_or_create(user=user)
    if not created:
        feed.renew()
    return feed


def active_partnerships(user):
    """The active spaces `user` belongs to, with both members loaded."""
    memberships = Membership.objects.filter(
        user=user, partnership__ended_at__isnull=True
    ).select_related("partnership")
    partnerships = [membership.partnership for membership in memberships]
    members = {}
    for membership in Membership.objects.filter(partnership__in=partnerships).select_related(
        "user"
    ):
        members.setdefault(membership.partnership_id, []).append(membership)
    for partnership in partnerships:
        partnership.remember_members(members[partnership.pk])
    return partnerships


def _uid(user, key):
    # Opaque: a calendar provider learns nothing about the space from an event's id.
    return salted_hmac("trustapp.calendar.uid", f"{user.pk}:{key}", algorithm="sha256").hexdigest()


def _event(user, entry, *, stamp, discreet, recurring=True):
    event = Event.new(
        uid=_uid(user, entry.key),
        stamp=stamp,
        start=entry.start,
        summary=_("Reminder") if discreet else entry.title,
    )
    if entry.duration is not None:
        event.add("duration", entry.duration)
    if recurring and entry.rrule:
        event.add("rrule", vRecur(entry.rrule))
    if not discreet:
        # A discreet calendar says nothing more than the title does, not even where it leads.
        event.add("url", settings.SITE_URL.rstrip("/") + entry.path)
        if entry.description:
            event.add("description", entry.description)
    return event


def _calendar(user, events, *, discreet):
    calendar = Calendar.new(
        # Discreet: nothing names the app, not even the producer's id.
        prodid="-//Reminders//EN" if discreet else "-//Trustapp//Calendar//EN",
        name=_("Reminders") if discreet else "Trustapp",
        refresh_interval=timedelta(hours=1),
        subcomponents=events,
    )
    calendar.add_missing_timezones()
    return calendar.to_ical()


def feed_ics(user):
    """Every date of this person's, recurring ones as one event with its rule."""
    stamp = timezone.now()
    discreet = user.discreet_emails
    entries = entries_for(user, active_partnerships(user))
    return _calendar(
        user,
        [_event(user, entry, stamp=stamp, discreet=discreet) for entry in entries],
        discreet=discreet,
    )


def entry_ics(user, entry):
    """One date on its own (the "add to my calendar" file): its next time, no rule."""
    discreet = user.discreet_emails
    event = _event(user, entry, stamp=timezone.now(), discreet=discreet, recurring=False)
    return _calendar(user, [event], discreet=discreet)


def ics_response(content, *, filename=None):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Robots-Tag"] = "noindex"
    return response
