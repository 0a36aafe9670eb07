"""Filters for reading a download or a personal copy, whose dates may be ISO strings."""

from datetime import date, datetime

from django import template
from django.utils import formats, timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

register = template.Library()


def _as_datetime(value):
    if isinstance(value, str):
        value = parse_datetime(value)
    return value if isinstance(value, datetime) else None


@register.filter
def when(value):
    """A moment in the reader's own time zone, like "3 March 2026, 18:05"."""
    moment = _as_datetime(value)
    if moment is None:
        return ""
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return formats.date_format(moment, "LONG_DATE_TIME")


@register.filter
def day(value):
    if isinstance(value, str):
        value = parse_date(value) or (_as_datetime(value) and _as_datetime(value).date())
    if isinstance(value, datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    if not isinstance(value, date):
        return ""
    return formats.date_format(value, "LONG_DATE")


@register.filter
def person(value, partner_name=None):
    """Who did something, named beside it ("Proposed it · you"), never as the subject of a
    sentence: "you" and a name take different verb forms in most languages, so a sentence
    about "you" is its own string in the template."""
    if value == "you":
        return _("you")  # the label "you" (French "toi"), as in the space's home
    if value == "partner":
        return partner_name or _("your partner")
    if value == "both":
        return _("both of you")
    return _("someone")
