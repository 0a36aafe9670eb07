"""Reminders through the real machinery: a Celery worker process, Redis, an SMTP server.

Each email carries a Message-ID derived from its delivery, so the SMTP server can count
exactly what arrived, and how often.
"""

import time
import urllib.request
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from tests.notifications.conftest import make_due, make_due_people
from tests.notifications.push_support import Device, push_service
from tests.notifications.support import (
    Worker,
    flush_test_redis,
    free_port,
    real_broker,
    smtp_sink,
    wait_for,
    worker_database_sessions,
)
from trustapp.checkins.models import Answer, CheckIn
from trustapp.notifications import services
from trustapp.notifications.models import PushDelivery, ReminderDelivery, ReminderPreference
from trustapp.notifications.tasks import dispatch_reminders

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres_only]


def all_sent():
    return not ReminderDelivery.objects.pending().exists()


def test_a_worker_killed_mid_batch_then_restarted_delivers_every_reminder_once(tmp_path, settings):
    settings.REMINDERS_SEND_BATCH = 5  # eight tasks, so the kill lands between and inside
    make_due_people(40)
    flush_test_redis()
    killed = {}

    def kill_at_the_twelfth(count):
        # Runs after the server has the 12th message and before it answers "250": the
        # worker dies between the SMTP send and recording it, the one allowed repeat.
        if count == 12 and not killed:
            killed["message_id"] = sink.received[11].message_id
            first.kill()

    with smtp_sink(delay=0.02, on_message=kill_at_the_twelfth) as sink, real_broker():
        first = Worker(smtp_port=sink.port, log_path=tmp_path / "worker-1.log")
        try:
            assert services.reminders_dispatch() == 40
            first.process.wait(timeout=60)
        finally:
            first.stop()
        assert killed, first.output()

        # The database rolls back what the dead worker had not committed.
        wait_for(lambda: worker_database_sessions() == 0, timeout=15, message="sessions to close")
        received_at_kill = set(sink.counts())
        recorded = {
            delivery.message_id
            for delivery in ReminderDelivery.objects.filter(status=ReminderDelivery.Status.SENT)
        }
        # Accepted by the mail server, never recorded: these, and only these, may repeat.
        in_flight = received_at_kill - recorded
        assert killed["message_id"] in in_flight
        assert 0 < len(recorded) < 40

        sink.on_message = None
        second = Worker(smtp_port=sink.port, log_path=tmp_path / "worker-2.log")
        try:
            # The dead worker's unacknowledged messages come back only after Redis's
            # visibility timeout; the stale sweep re-enqueues what is still pending now.
            services.deliveries_requeue_stale(older_than=timedelta(0))
            wait_for(all_sent, timeout=60, message="every delivery to be sent")
        finally:
            second.stop()

    counts = sink.counts()
    expected = {delivery.message_id for delivery in ReminderDelivery.objects.all()}
    assert len(expected) == 40
    assert set(counts) == expected  # every due reminder arrived
    repeats = {message_id for message_id, seen in counts.items() if seen > 1}
    assert repeats == in_flight  # the only repeats are the kill-after-send ones ...
    assert all(counts[message_id] == 2 for message_id in repeats)  # ... and only once more
    print(f"\n{len(recorded)} recorded before the kill; repeated after it: {sorted(repeats)}")


def test_end_to_end_a_reminder_reaches_the_mail_server_and_unsubscribes_with_one_post(
    tmp_path, live_server, alice, bob, partnership
):
    make_due(alice)
    flush_test_redis()
    with smtp_sink() as sink, real_broker():
        worker = Worker(smtp_port=sink.port, log_path=tmp_path / "worker.log")
        try:
            dispatch_reminders.delay()  # the beat's job, run by the worker
            [received] = wait_for(
                lambda: sink.to("alice@example.com"), timeout=40, message="the reminder"
            )
            # The server has the message a moment before the worker records it as sent.
            wait_for(
                lambda: ReminderDelivery.objects.filter(
                    user=alice, status=ReminderDelivery.Status.SENT
                ).exists(),
                timeout=20,
                message="the delivery to be recorded",
            )
        finally:
            worker.stop()

    message = received.message
    delivery = ReminderDelivery.objects.get(user=alice)
    assert message["Message-ID"] == delivery.message_id
    assert message["Subject"] == "A gentle nudge: check in with Bob"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = str(message["List-Unsubscribe"]).strip("<>")
    check_in = f"/p/{partnership.public_id}/check-ins/"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert check_in in text and check_in in html
    assert unsubscribe in text and "/r/snooze/" in html
    assert ReminderDelivery.objects.get(user=alice).status == ReminderDelivery.Status.SENT

    # As a mail program does it: one POST, no cookies, no CSRF token.
    request = urllib.request.Request(
        live_server.url + urlsplit(unsubscribe).path,
        data=b"List-Unsubscribe=One-Click",
        method="POST",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200
    preference = ReminderPreference.objects.get(user=alice)
    assert (preference.cadence, preference.next_run_at) == ("off", None)


def test_with_redis_unreachable_pages_work_check_ins_save_and_reminders_follow_later(
    tmp_path, settings, alice_client, alice, bob, partnership
):
    closed = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens here
    settings.CACHES = {
        "default": {
            "BACKEND": "trustapp.lib.cache.ResilientRedisCache",
            "LOCATION": closed,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    make_due(alice)
    public_id = partnership.public_id
    with real_broker(closed):
        assert alice_client.get(partnership.get_absolute_url()).status_code == 200
        assert alice_client.get(reverse("checkins:current", args=[public_id])).status_code == 200
        assert alice_client.post(reverse("checkins:start", args=[public_id])).status_code == 302
        checkin = CheckIn.objects.get(partnership=partnership)
        answered = alice_client.post(
            reverse("checkins:answer", args=[public_id, checkin.pk]),
            {"connected": "4", "trusted": "5", "went_well": "Our long walk on Sunday."},
        )
        assert answered.status_code == 302
        assert Answer.objects.filter(checkin=checkin, author=alice).exists()
        assert alice_client.get(reverse("notifications:settings")).status_code == 200

        started = time.monotonic()
        assert services.reminders_dispatch() == 1  # the enqueue fails, and is only logged
        assert time.monotonic() - started < 15
    assert ReminderDelivery.objects.get(user=alice).status == ReminderDelivery.Status.PENDING

    flush_test_redis()
    with smtp_sink() as sink, real_broker():  # Redis is back
        worker = Worker(smtp_port=sink.port, log_path=tmp_path / "worker.log")
        try:
            services.deliveries_requeue_stale(older_than=timedelta(0))
            wait_for(all_sent, timeout=40, message="the reminder after Redis came back")
        finally:
            worker.stop()
    assert len(sink.to("alice@example.com")) == 1


def test_a_worker_killed_while_pushing_then_restarted_pushes_to_every_device_once(
    tmp_path, settings
):
    """Push is the outbox's second channel: the same kill, the same promise. The only
    repeat allowed is a push the service took just as the worker died, before it was
    recorded; every device gets its push."""
    settings.REMINDERS_SEND_BATCH = 5
    people = make_due_people(20)
    ReminderPreference.objects.update(quiet_from=None, quiet_until=None)  # any hour will do
    flush_test_redis()
    device = Device()
    killed = {}

    def kill_at_the_eighth(count):
        # After the service has the 8th push and before it answers 201.
        if count == 8 and not killed:
            killed["path"] = service.received[7].path
            first.kill()

    with push_service() as service, smtp_sink() as sink, real_broker():
        for person in people:
            device.subscribe(person, service.endpoint(person.pk))
        service.on_push = kill_at_the_eighth
        first = Worker(smtp_port=sink.port, log_path=tmp_path / "worker-1.log")
        try:
            assert services.reminders_dispatch() == 20
            first.process.wait(timeout=60)
        finally:
            first.stop()
        assert killed, first.output()

        wait_for(lambda: worker_database_sessions() == 0, timeout=15, message="sessions to close")
        received_at_kill = set(service.counts())
        recorded = {
            urlsplit(push.subscription.endpoint).path
            for push in PushDelivery.objects.filter(status="sent").select_related("subscription")
        }
        in_flight = received_at_kill - recorded
        assert killed["path"] in in_flight
        assert 0 < len(recorded) < 20

        service.on_push = None
        second = Worker(smtp_port=sink.port, log_path=tmp_path / "worker-2.log")
        try:
            services.deliveries_requeue_stale(older_than=timedelta(0))
            services.pushes_sweep(older_than=timedelta(0))
            wait_for(
                lambda: (
                    not PushDelivery.objects.filter(status="pending").exists()
                    and PushDelivery.objects.count() == 20
                ),
                timeout=60,
                message="every push to be sent",
            )
        finally:
            second.stop()

    counts = service.counts()
    assert set(counts) == {f"/push/{person.pk}" for person in people}  # every device, ...
    assert PushDelivery.objects.filter(status="sent").count() == 20
    repeats = {path for path, seen in counts.items() if seen > 1}
    assert repeats == in_flight  # ... repeated only where the kill fell after the send ...
    assert all(counts[path] == 2 for path in repeats)  # ... and only once more
    assert device.read(service.to(people[0].pk)[0].body)["title"] == "A gentle nudge"
