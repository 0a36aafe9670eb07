"""Helpers for the tests of our dates."""

from datetime import date

from django.urls import reverse

from trustapp.dates.models import OurDate


def url(name, partnership, *args):
    return reverse(f"dates:{name}", args=[partnership.public_id, *args])


def make_date(partnership, user, name="The day we moved in", **fields):
    fields.setdefault("day", date(2020, 3, 14))
    return OurDate.objects.create(
        partnership=partnership, added_by=user, changed_by=user, name=name, **fields
    )
