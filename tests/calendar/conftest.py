import pytest
from icalendar import Calendar

from trustapp.agreements import library
from trustapp.calendar.services import feed_turn_on


@pytest.fixture(autouse=True)
def agreement_library(db):
    library.load()


@pytest.fixture
def alice_feed(alice):
    return feed_turn_on(user=alice)


def read_feed(client, feed):
    response = client.get(feed.get_absolute_url())
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content), response.content.decode()


def events_by_title(calendar):
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}
