"""What a reminder email says and carries."""

import email.policy
import re
from datetime import UTC, datetime, time
from unittest import mock

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.urls import reverse

from tests.notifications.conftest import deliveries, set_preference, tell
from trustapp.notifications import content, services

pytestmark = [pytest.mark.django_db, pytest.mark.embedded]


@pytest.fixture
def reminder(partnership, alice, django_capture_on_commit_callbacks):
    with time_machine.travel(datetime(2026, 6, 1, 6, tzinfo=UTC), tick=False):
        set_preference(alice, cadence="weekly", weekday=0, local_time=time(19))
    with time_machine.travel(datetime(2026, 6, 1, 17, 0, 5, tzinfo=UTC), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            services.reminders_dispatch()
    [message] = mail.outbox
    return message


def html_of(message):
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return html


def test_it_has_a_plain_text_and_an_html_part_that_say_the_same(reminder):
    html = html_of(reminder)
    for words in ("Hello Alice", "With Bob", "no score to keep"):
        assert words in reminder.body
        assert words in html


def test_it_links_straight_to_the_check_in_of_the_partnership(reminder, partnership):
    link = f"{settings.SITE_URL}/p/{partnership.public_id}/check-ins/"
    assert link in reminder.body
    assert f'href="{link}"' in html_of(reminder)


def test_it_carries_one_click_unsubscribe_and_a_stable_message_id(reminder, alice):
    headers = reminder.extra_headers
    assert re.fullmatch(
        r"<http://127\.0\.0\.1:8000/r/unsubscribe/[^/]+/>", headers["List-Unsubscribe"]
    )
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert headers["Message-ID"] == deliveries(alice)[0].message_id
    assert headers["List-Unsubscribe"][1:-1] in reminder.body
    assert "/r/snooze/" in reminder.body


def test_it_shows_the_next_reminder_in_the_readers_own_zone(reminder):
    assert (
        "How often these reminders come: Every week. The next one comes on Monday 8 June, 19:00"
        in reminder.body
    )


def test_it_never_counts_streaks_or_blames(reminder):
    text = reminder.body.lower()
    for word in ("streak", "missed", "haven't", "overdue", "again"):
        assert word not in text


def test_it_mentions_the_prompt_of_the_week_and_new_appreciations_when_those_exist(
    partnership, alice, django_capture_on_commit_callbacks
):
    with (
        mock.patch.dict(
            content._provided,
            {
                "prompts_of_the_week": lambda partnerships: {
                    partnership.pk: "What made you smile this week?"
                },
                "new_appreciation_counts": lambda pairs: {(partnership.pk, alice.pk): 3},
            },
        ),
        time_machine.travel(datetime(2026, 6, 1, 6, tzinfo=UTC), tick=False),
    ):
        set_preference(alice, cadence="weekly", weekday=0, local_time=time(19))
        with time_machine.travel(datetime(2026, 6, 1, 17, 0, 5, tzinfo=UTC), tick=False):
            with django_capture_on_commit_callbacks(execute=True):
                services.reminders_dispatch()
    [message] = mail.outbox
    assert "What made you smile this week?" in message.body
    assert "There are 3 new appreciations waiting for you." in message.body


def test_a_failing_extra_never_stops_the_reminder(partnership, alice):
    from trustapp.notifications import emails

    def broken(*args):
        raise RuntimeError("this extra is broken")

    extras_of_other_apps = {"prompts_of_the_week": broken, "new_appreciation_counts": broken}
    with mock.patch.dict(content._provided, extras_of_other_apps):
        extras = emails.Extras({alice.pk: [partnership]})
    assert extras.prompt_of_the_week(partnership) is None
    assert extras.new_appreciations(partnership, alice) == 0


def test_the_apps_above_notifications_provide_the_reminder_link_and_extras(partnership):
    """notifications imports none of them: each registers in its AppConfig.ready()."""
    path_of = content.provided("check_in_path")
    assert path_of(partnership) == reverse("checkins:current", args=[partnership.public_id])
    assert content.provided("prompts_of_the_week") is not None
    assert content.provided("new_appreciation_counts") is not None


def test_the_unsubscribe_header_reaches_the_wire_as_a_plain_clickable_url(reminder):
    raw = reminder.message(policy=email.policy.SMTP).as_bytes().decode()
    [line] = [line for line in raw.splitlines() if line.startswith("List-Unsubscribe:")]
    assert line == f"List-Unsubscribe: {reminder.extra_headers['List-Unsubscribe']}"


def raw_bodies(message):
    """The text and HTML parts as they leave for the mail server."""
    sent = email.message_from_bytes(message.message().as_bytes(), policy=email.policy.default)
    return [sent.get_body((kind,)).get_content() for kind in ("plain", "html")]


def links_in(body):
    return set(re.findall(r"https?://[^\s\"<>]+", body))


def test_a_person_who_asked_for_discreet_emails_gets_no_names_or_words(
    partnership, alice, django_capture_on_commit_callbacks
):
    alice.discreet_emails = True
    alice.save(update_fields=["discreet_emails"])
    with time_machine.travel(datetime(2026, 6, 1, 6, tzinfo=UTC), tick=False):
        set_preference(alice, cadence="weekly", weekday=0, local_time=time(19))
    with time_machine.travel(datetime(2026, 6, 1, 17, 0, 5, tzinfo=UTC), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            services.reminders_dispatch()
    [message] = mail.outbox
    assert message.subject == "You have an update"
    home = f"{settings.SITE_URL}/p/{partnership.public_id}/"
    for body in raw_bodies(message):
        assert "Bob" not in body and "Alice" not in body and "check" not in body.lower()
        [snooze, unsubscribe] = sorted(links_in(body) - {home})
        assert home in body
        assert snooze.startswith(f"{settings.SITE_URL}/r/snooze/")
        assert unsubscribe.startswith(f"{settings.SITE_URL}/r/unsubscribe/")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.extra_headers["Message-ID"] == deliveries(alice)[0].message_id


def test_a_discreet_digest_links_to_the_space_and_says_nothing_of_what_happened(
    partnership, alice, bob, django_capture_on_commit_callbacks
):
    bob.discreet_emails = True
    bob.save(update_fields=["discreet_emails"])
    with time_machine.travel(datetime(2026, 6, 2, 9, tzinfo=UTC), tick=False):
        tell(
            bob,
            about=partnership,
            by=alice,
            message="Alice noticed how patient you were.",
            path=f"/p/{partnership.public_id}/appreciations/14/",
        )
    with (
        time_machine.travel(datetime(2026, 6, 3, tzinfo=UTC), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.partner_notices_dispatch()
    [message] = mail.outbox
    assert message.subject == "You have an update"
    home = f"{settings.SITE_URL}/p/{partnership.public_id}/"
    for body in raw_bodies(message):
        assert "Alice" not in body and "patient" not in body
        assert "appreciation" not in body.lower()
        [unsubscribe] = links_in(body) - {home}
        assert home in body
        assert unsubscribe.startswith(f"{settings.SITE_URL}/r/unsubscribe/")
