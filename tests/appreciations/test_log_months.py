"""The log's month filter at the edges of the calendar: a month is its own days, no more."""

from datetime import date

import pytest
from django.urls import reverse

from tests.appreciations.conftest import make_appreciation


def log_url(partnership):
    return reverse("appreciations:log", args=[partnership.public_id])


@pytest.mark.parametrize("month", ["9999-12", "9999-01", "1900-01"])
def test_a_month_at_the_end_of_the_calendar_shows_an_empty_log(alice_client, partnership, month):
    response = alice_client.get(log_url(partnership), {"month": month})
    assert response.status_code == 200


@pytest.mark.parametrize("month", ["0000-01", "1899-12", "10000-01", "2026-00", "-001-01"])
def test_a_month_out_of_range_is_explained_and_ignored(
    alice_client, partnership, alice, bob, month
):
    make_appreciation(partnership, bob, alice, "Brought flowers", happened_on=date(2025, 12, 31))
    response = alice_client.get(log_url(partnership), {"month": month})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Pick a month from the list." in body
    assert "Brought flowers" in body


def test_december_holds_its_last_day_and_not_the_next_january(
    alice_client, partnership, alice, bob
):
    make_appreciation(partnership, bob, alice, "Last of December", happened_on=date(2025, 12, 31))
    make_appreciation(partnership, bob, alice, "First of January", happened_on=date(2026, 1, 1))
    make_appreciation(partnership, bob, alice, "First of December", happened_on=date(2025, 12, 1))
    body = alice_client.get(log_url(partnership), {"month": "2025-12"}).content.decode()
    body = body.split('id="log-heading"')[1]  # the log, not the "new for you" notice above
    assert "Last of December" in body and "First of December" in body
    assert "First of January" not in body
