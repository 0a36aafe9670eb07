"""Dispatcher and outbox rules, travelling in time instead of sleeping."""

import smtplib
from datetime import UTC, datetime, time, timedelta
from unittest import mock

import pytest
import time_machine
from django.core import mail
from django.core.mail.backends import locmem
from django.template import TemplateSyntaxError

from tests.conftest import make_partnership, make_user
from tests.notifications.conftest import (
    deliveries,
    make_due_people,
    message_ids,
    sent_to,
    set_preference,
    tell,
)
from trustapp.couples.models import Partnership
from trustapp.couples.services import partnership_leave
from trustapp.notifications import emails, services
from trustapp.notifications.models import PartnerNotice, ReminderDelivery, ReminderPreference

pytestmark = [pytest.mark.django_db, pytest.mark.embedded]


def at(*args):
    return datetime(*args, tzinfo=UTC)


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Run a service at a moment in time, with its on-commit sends executed (eager Celery)."""

    def run(moment, function=services.reminders_dispatch, **kwargs):
        with time_machine.travel(moment, tick=False):
            with django_capture_on_commit_callbacks(execute=True):
                return function(**kwargs)

    return run


def reminder_times(address):
    """When each reminder to this person was due, from the database."""
    return [
        delivery.due_at
        for delivery in ReminderDelivery.objects.filter(user__email=address).order_by("due_at")
    ]


def test_a_reminder_goes_out_once_at_the_persons_local_time(partnership, alice, run):
    with time_machine.travel(at(2026, 6, 1, 9), tick=False):  # a Monday
        preference = set_preference(alice, cadence="weekly", weekday=2, local_time=time(19, 30))
    assert preference.next_run_at == at(2026, 6, 3, 17, 30)  # Wednesday 19:30 in Berlin

    assert run(at(2026, 6, 3, 17, 29)) == 0
    assert run(at(2026, 6, 3, 17, 30, 20)) == 1
    assert run(at(2026, 6, 3, 17, 31)) == 0

    [message] = sent_to("alice@example.com")
    assert "Bob" in message.subject
    preference.refresh_from_db()
    assert preference.next_run_at == at(2026, 6, 10, 17, 30)
    assert deliveries(alice)[0].status == ReminderDelivery.Status.SENT


@pytest.mark.parametrize(
    ("zone", "local", "expected_utc"),
    [
        # Berlin springs forward on 29 March 2026 and falls back on 25 October.
        ("Europe/Berlin", time(18), [at(2026, 3, 22, 17), at(2026, 3, 29, 16), at(2026, 4, 5, 16)]),
        ("Europe/Berlin", time(2, 30), [at(2026, 3, 22, 1, 30), at(2026, 3, 29, 1, 30)]),
        (
            "Europe/Berlin",
            time(2, 30),
            [at(2026, 10, 18, 0, 30), at(2026, 10, 25, 0, 30), at(2026, 11, 1, 1, 30)],
        ),
        # New York springs forward on 8 March 2026 and falls back on 1 November.
        ("America/New_York", time(2, 30), [at(2026, 3, 1, 7, 30), at(2026, 3, 8, 7, 30)]),
        (
            "America/New_York",
            time(1, 30),
            [at(2026, 10, 25, 5, 30), at(2026, 11, 1, 5, 30), at(2026, 11, 8, 6, 30)],
        ),
    ],
)
def test_reminders_keep_local_time_across_daylight_saving(
    partnership, bob, run, zone, local, expected_utc
):
    with time_machine.travel(expected_utc[0] - timedelta(days=2), tick=False):
        set_preference(bob, cadence="weekly", weekday=6, local_time=local, time_zone=zone)
    # The dispatcher runs every minute; around each slot is enough to see what it does.
    for slot in expected_utc:
        for minute in (-1, 0, 1, 60, 61):
            run(slot + timedelta(minutes=minute, seconds=5))
    assert reminder_times("bob@example.com") == expected_utc
    assert len(sent_to("bob@example.com")) == len(expected_utc)


def test_a_person_who_moves_west_after_a_reminder_is_not_reminded_twice_that_day(
    partnership, alice, run
):
    with time_machine.travel(at(2026, 6, 1, 6), tick=False):  # Monday morning
        set_preference(alice, cadence="weekly", weekday=0, local_time=time(19))
    run(at(2026, 6, 1, 17, 0, 5))  # Monday 19:00 in Berlin
    with time_machine.travel(at(2026, 6, 1, 17, 30), tick=False):
        preference = set_preference(alice, time_zone="America/New_York")
    # Monday 19:00 in New York is still ahead today, but she just had her reminder.
    assert preference.next_run_at == at(2026, 6, 8, 23)
    run(at(2026, 6, 1, 23, 0, 5))
    assert len(sent_to("alice@example.com")) == 1


def test_a_zone_change_before_the_reminder_moves_it_to_the_new_local_time(partnership, alice, run):
    with time_machine.travel(at(2026, 6, 1, 6), tick=False):
        set_preference(alice, cadence="weekly", weekday=0, local_time=time(19))
        preference = set_preference(alice, time_zone="America/New_York")
    assert preference.next_run_at == at(2026, 6, 1, 23)  # 19:00 EDT, not 19:00 in Berlin
    run(at(2026, 6, 1, 17, 0, 5))
    assert sent_to("alice@example.com") == []
    run(at(2026, 6, 1, 23, 0, 5))
    assert len(sent_to("alice@example.com")) == 1


def test_monthly_on_the_31st_sends_on_the_last_day_of_each_month(partnership, alice, run):
    with time_machine.travel(at(2027, 1, 10), tick=False):
        set_preference(alice, cadence="monthly", day_of_month=31, local_time=time(9))
    for day in (at(2027, 1, 31, 8), at(2027, 2, 28, 8), at(2027, 3, 31, 7), at(2027, 4, 30, 7)):
        run(day - timedelta(days=1))
        run(day + timedelta(seconds=30))
    due = [
        moment.astimezone(alice.zone).strftime("%m-%d %H:%M")
        for moment in reminder_times(alice.email)
    ]
    assert due == ["01-31 09:00", "02-28 09:00", "03-31 09:00", "04-30 09:00"]


def test_three_days_without_the_dispatcher_bring_one_reminder_not_three(partnership, alice, run):
    with time_machine.travel(at(2026, 6, 1, 6), tick=False):
        preference = set_preference(alice, cadence="weekly", weekday=0, local_time=time(8))
        # A daily-ish outage test needs several missed slots: pretend it was due long ago.
        ReminderPreference.objects.filter(pk=preference.pk).update(next_run_at=at(2026, 5, 18, 6))
    assert run(at(2026, 6, 4, 12)) == 1  # three weeks of missed slots, one delivery
    assert run(at(2026, 6, 4, 12, 1)) == 0
    assert len(sent_to("alice@example.com")) == 1
    preference.refresh_from_db()
    assert preference.next_run_at == at(2026, 6, 8, 6)  # the next future slot


def test_a_beat_that_stops_for_three_days_brings_one_late_reminder(partnership, alice, run):
    with time_machine.travel(at(2026, 5, 30, 6), tick=False):  # Saturday
        set_preference(alice, cadence="weekly", weekday=0, local_time=time(8))
    # The beat stops on Sunday and comes back on Wednesday: Monday's reminder goes out late.
    assert run(at(2026, 6, 3, 12)) == 1
    assert run(at(2026, 6, 3, 12, 1)) == 0
    assert len(sent_to("alice@example.com")) == 1
    assert reminder_times(alice.email) == [at(2026, 6, 1, 6)]


def test_a_pause_skips_reminders_for_two_weeks_then_they_carry_on(partnership, alice, run):
    with time_machine.travel(at(2026, 6, 1, 6), tick=False):
        set_preference(alice, cadence="weekly", weekday=0, local_time=time(19))
        preference = services.reminders_pause(user=alice)
    assert preference.next_run_at == at(2026, 6, 15, 17)
    run(at(2026, 6, 8, 17, 0, 5))
    assert sent_to("alice@example.com") == []
    with time_machine.travel(at(2026, 6, 9), tick=False):
        assert services.reminders_resume(user=alice).next_run_at == at(2026, 6, 15, 17)


def test_leaving_the_partnership_stops_reminders_at_once(partnership, alice, bob, run):
    with time_machine.travel(at(2026, 6, 1, 6), tick=False):
        set_preference(alice, cadence="weekly", weekday=0, local_time=time(19))
        set_preference(bob, cadence="weekly", weekday=0, local_time=time(19))
    with time_machine.travel(at(2026, 6, 1, 17, 0, 5), tick=False):
        services.reminders_dispatch()  # deliveries exist but the sends have not run yet
        partnership_leave(partnership=partnership, user=bob)
    assert {d.status for d in ReminderDelivery.objects.all()} == {ReminderDelivery.Status.SKIPPED}
    assert not ReminderPreference.objects.filter(next_run_at__isnull=False).exists()
    run(at(2026, 6, 1, 17, 5), function=services.deliveries_requeue_stale, older_than=timedelta(0))
    assert mail.outbox == []


def test_a_send_after_leaving_says_nothing_even_if_the_delivery_was_already_queued(
    partnership, alice, bob, run
):
    with time_machine.travel(at(2026, 6, 1, 6), tick=False):
        set_preference(alice, cadence="weekly", weekday=0, local_time=time(19))
    with time_machine.travel(at(2026, 6, 1, 17, 0, 5), tick=False):
        services.reminders_dispatch()
        [delivery] = deliveries(alice)
        partnership.memberships.filter(user=bob).update(left_at=at(2026, 6, 1, 17))
        partnership.__class__.objects.filter(pk=partnership.pk).update(ended_at=at(2026, 6, 1, 17))
        assert services.deliveries_send([delivery.pk]) == 0
    delivery.refresh_from_db()
    assert delivery.status == ReminderDelivery.Status.SKIPPED


def test_someone_in_another_partnership_is_still_reminded_about_it(
    partnership, alice, bob, carol, run
):
    make_partnership(alice, carol)
    with time_machine.travel(at(2026, 6, 1, 6), tick=False):
        set_preference(alice, cadence="weekly", weekday=0, local_time=time(19))
        partnership_leave(partnership=partnership, user=bob)
    run(at(2026, 6, 1, 17, 0, 5))
    [message] = sent_to("alice@example.com")
    assert "Carol" in message.subject
    assert "Bob" not in message.body


def test_one_email_lists_every_partnership(partnership, alice, carol, run):
    make_partnership(alice, carol)
    with time_machine.travel(at(2026, 6, 1, 6), tick=False):
        set_preference(alice, cadence="weekly", weekday=0, local_time=time(19))
    run(at(2026, 6, 1, 17, 0, 5))
    [message] = sent_to("alice@example.com")
    assert "With Bob" in message.body and "With Carol" in message.body


def test_stopping_for_a_person_stops_everything_waiting(partnership, alice, bob, run):
    with time_machine.travel(at(2026, 6, 1, 6), tick=False):
        set_preference(alice, cadence="weekly", weekday=0, local_time=time(19))
        tell(alice, about=partnership, by=bob)
    with time_machine.travel(at(2026, 6, 1, 17, 0, 5), tick=False):
        services.reminders_dispatch()
        services.reminders_stop_for_user(alice)
    run(at(2026, 6, 2, 17), function=services.deliveries_requeue_stale, older_than=timedelta(0))
    run(at(2026, 6, 2, 17), function=services.partner_notices_dispatch)
    assert mail.outbox == []
    assert ReminderPreference.objects.get(user=alice).next_run_at is None


def test_enrolment_gives_paired_people_a_gentle_default_and_skips_the_unpaired(
    partnership, alice, bob, carol, run
):
    make_partnership(carol)  # waiting for a partner
    with time_machine.travel(at(2026, 6, 1, 6), tick=False):  # Monday
        assert services.reminders_enrol() == 2
        assert services.reminders_enrol() == 0
    alice_preference = ReminderPreference.objects.get(user=alice)
    assert alice_preference.cadence == "weekly"
    assert alice_preference.time_zone == "Europe/Berlin"
    assert alice_preference.next_run_at == at(2026, 6, 7, 16)  # Sunday 18:00 in Berlin
    assert ReminderPreference.objects.get(user=bob).time_zone == "America/New_York"
    assert not ReminderPreference.objects.filter(user=carol).exists()


def test_someone_who_pairs_up_again_gets_their_own_schedule_back(partnership, alice, bob, carol):
    with time_machine.travel(at(2026, 6, 1, 6), tick=False):
        set_preference(alice, cadence="fortnightly", weekday=3, local_time=time(7))
        partnership_leave(partnership=partnership, user=bob)
        assert ReminderPreference.objects.get(user=alice).next_run_at is None
        make_partnership(alice, carol)
        services.reminders_enrol()
    preference = ReminderPreference.objects.get(user=alice)
    assert preference.cadence == "fortnightly"
    assert preference.next_run_at.astimezone(alice.zone).strftime("%A %H:%M") == "Thursday 07:00"


def test_a_pending_delivery_whose_message_was_lost_is_sent_by_the_stale_sweep(
    partnership, alice, run
):
    with time_machine.travel(at(2026, 6, 1, 6), tick=False):
        set_preference(alice, cadence="weekly", weekday=0, local_time=time(19))
    with time_machine.travel(at(2026, 6, 1, 17, 0, 5), tick=False):
        services.reminders_dispatch()  # its on-commit enqueue never runs: the message is lost
    assert run(at(2026, 6, 1, 17, 5), function=services.deliveries_requeue_stale) == 0
    assert run(at(2026, 6, 1, 17, 11), function=services.deliveries_requeue_stale) == 1
    assert len(sent_to("alice@example.com")) == 1
    assert run(at(2026, 6, 1, 17, 30), function=services.deliveries_requeue_stale) == 0


def test_the_same_delivery_sent_twice_goes_out_once_with_a_stable_message_id(
    partnership, alice, run
):
    with time_machine.travel(at(2026, 6, 1, 6), tick=False):
        set_preference(alice, cadence="weekly", weekday=0, local_time=time(19))
    with time_machine.travel(at(2026, 6, 1, 17, 0, 5), tick=False):
        services.reminders_dispatch()
        [delivery] = deliveries(alice)
        assert services.deliveries_send([delivery.pk, delivery.pk]) == 1
        assert services.deliveries_send([delivery.pk]) == 0
    assert message_ids(mail.outbox) == [delivery.message_id]
    assert delivery.message_id.startswith(f"<delivery-{delivery.pk}@")


def test_a_mail_server_hiccup_leaves_the_delivery_pending_for_a_retry(partnership, alice):
    with time_machine.travel(at(2026, 6, 1, 6), tick=False):
        set_preference(alice, cadence="weekly", weekday=0, local_time=time(19))
    with time_machine.travel(at(2026, 6, 1, 17, 0, 5), tick=False):
        services.reminders_dispatch()
        [delivery] = deliveries(alice)
        failing = mock.patch(
            "django.core.mail.backends.locmem.EmailBackend.send_messages",
            side_effect=smtplib.SMTPServerDisconnected("gone"),
        )
        with failing, pytest.raises(services.TransientSendError):
            services.deliveries_send([delivery.pk])
        delivery.refresh_from_db()
        assert (delivery.status, delivery.attempts) == ("pending", 1)
        assert "gone" in delivery.last_error
        assert services.deliveries_send([delivery.pk]) == 1
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("sent", 2)


def test_an_address_the_server_refuses_is_marked_failed_and_the_batch_goes_on(
    partnership, alice, bob
):
    with time_machine.travel(at(2026, 6, 1, 6), tick=False):
        set_preference(alice, cadence="weekly", weekday=0, local_time=time(19))
        set_preference(bob, cadence="weekly", weekday=0, local_time=time(13))  # same instant
    with time_machine.travel(at(2026, 6, 1, 17, 0, 5), tick=False):
        services.reminders_dispatch()
        ids = [deliveries(alice)[0].pk, deliveries(bob)[0].pk]
        real_send = mail.backends.locmem.EmailBackend.send_messages

        def refuse_alice(self, messages):
            if "alice@example.com" in messages[0].to:
                raise smtplib.SMTPRecipientsRefused({"alice@example.com": (550, b"no")})
            return real_send(self, messages)

        with mock.patch.object(mail.backends.locmem.EmailBackend, "send_messages", refuse_alice):
            assert services.deliveries_send(ids) == 1
    assert deliveries(alice)[0].status == "failed"
    assert deliveries(bob)[0].status == "sent"


def test_a_message_that_cannot_be_written_or_sent_fails_alone_after_a_few_tries(run, monkeypatch):
    start = at(2026, 6, 1, 17)
    with time_machine.travel(start, tick=False):
        people = make_due_people(4)
        theirs = Partnership.objects.get(memberships__user=people[2])
        tell(people[2], about=theirs, by=people[3], subject="A note that breaks its header")
        PartnerNotice.objects.update(due_at=start)
        services.reminders_dispatch()  # the sends are not enqueued: run by hand below
        services.partner_notices_dispatch()
    ids = list(ReminderDelivery.objects.values_list("pk", flat=True))
    assert len(ids) == 5

    write_reminder = emails._reminder

    def cannot_be_written(delivery, *args):
        if delivery.user == people[0]:
            raise TemplateSyntaxError("Invalid filter: 'nmae'")
        return write_reminder(delivery, *args)

    send = locmem.EmailBackend.send_messages

    def cannot_be_sent(backend, messages):
        if messages[0].subject == "A note that breaks its header":
            raise ValueError("Header values may not contain linefeed or carriage return")
        return send(backend, messages)

    monkeypatch.setattr(emails, "_reminder", cannot_be_written)
    monkeypatch.setattr(locmem.EmailBackend, "send_messages", cannot_be_sent)

    assert run(start, function=services.deliveries_send, delivery_ids=ids) == 3
    assert sorted(message.to[0] for message in mail.outbox) == [
        "person1@example.com",
        "person2@example.com",
        "person3@example.com",
    ]
    # The stale sweep tries the two again, a bounded number of times, then lets them be.
    sweeps = [
        run(start + timedelta(minutes=11 * n), function=services.deliveries_requeue_stale)
        for n in range(1, services.MAX_ATTEMPTS + 2)
    ]
    assert sweeps == [2] * (services.MAX_ATTEMPTS - 1) + [0, 0]
    failed = ReminderDelivery.objects.filter(status="failed").order_by("kind")
    assert [(d.user, d.kind, d.attempts) for d in failed] == [
        (people[2], "digest", services.MAX_ATTEMPTS),
        (people[0], "reminder", services.MAX_ATTEMPTS),
    ]
    assert "linefeed" in failed[0].last_error and "nmae" in failed[1].last_error
    assert len(mail.outbox) == 3  # everyone else's went out once
    assert ReminderDelivery.objects.filter(status="sent").count() == 3


def test_partner_activity_waits_for_one_daily_digest_by_default(partnership, alice, bob, run):
    for hour in (9, 13):
        with time_machine.travel(at(2026, 6, 2, hour), tick=False):
            tell(bob, about=partnership, by=alice, message=f"Alice noticed something at {hour}.")
    assert mail.outbox == []
    run(at(2026, 6, 2, 21, 59))  # 17:59 in New York
    run(at(2026, 6, 2, 21, 59), function=services.partner_notices_dispatch)
    assert mail.outbox == []
    run(at(2026, 6, 2, 22, 0, 5), function=services.partner_notices_dispatch)
    run(at(2026, 6, 2, 22, 1, 5), function=services.partner_notices_dispatch)
    [digest] = sent_to("bob@example.com")
    assert "2 things happened" in digest.subject
    assert "at 9." in digest.body and "at 13." in digest.body
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_partner_activity_can_come_soon_after_each_event_or_not_at_all(
    partnership, alice, bob, run
):
    with time_machine.travel(at(2026, 6, 2, 9), tick=False):
        set_preference(bob, activity_emails="each")
        set_preference(alice, activity_emails="off")
        for recipient, actor in ((bob, alice), (alice, bob)):
            tell(recipient, about=partnership, by=actor, subject="A proposal waits for you")
    run(at(2026, 6, 2, 9, 1), function=services.partner_notices_dispatch)
    [message] = mail.outbox
    assert message.to == ["bob@example.com"]
    assert message.subject == "A proposal waits for you"
    assert PartnerNotice.objects.filter(recipient=alice).count() == 0


def test_notices_from_a_partnership_that_ended_are_dropped(partnership, alice, bob, run):
    with time_machine.travel(at(2026, 6, 2, 9), tick=False):
        tell(bob, about=partnership, by=alice)
        partnership_leave(partnership=partnership, user=alice)
    run(at(2026, 6, 3), function=services.partner_notices_dispatch)
    assert mail.outbox == []


def test_a_person_who_unsubscribed_after_dispatch_gets_nothing(partnership, alice):
    with time_machine.travel(at(2026, 6, 1, 6), tick=False):
        set_preference(alice, cadence="weekly", weekday=0, local_time=time(19))
    with time_machine.travel(at(2026, 6, 1, 17, 0, 5), tick=False):
        services.reminders_dispatch()
        [delivery] = deliveries(alice)
        services.reminders_unsubscribe(user=alice, what="reminders")
        assert services.deliveries_send([delivery.pk]) == 0
    assert mail.outbox == []


def test_people_without_a_verified_partner_are_never_dispatched(db, run):
    lonely = make_user("lonely@example.com", "Lonely")
    make_partnership(lonely)
    with time_machine.travel(at(2026, 6, 1, 6), tick=False):
        preference = set_preference(lonely, cadence="weekly", weekday=0)
    assert preference.next_run_at is None
    assert run(at(2026, 6, 30)) == 0
