"""Push notifications end to end on loopback: the outbox encrypts each push for the device,
a push service on 127.0.0.1 receives it, and the test decrypts it with the device's own keys.
"""

from datetime import UTC, datetime, time, timedelta

import pytest
import time_machine
from django.core import mail

from tests.notifications.conftest import set_preference, tell
from tests.notifications.push_support import Device, push_service
from trustapp.notifications import services
from trustapp.notifications.models import (
    PartnerNotice,
    PushDelivery,
    PushSubscription,
    ReminderDelivery,
    ReminderPreference,
)

pytestmark = [pytest.mark.django_db, pytest.mark.embedded]

# A Wednesday; Alice lives in Berlin (UTC+2 in June).
NOON = datetime(2026, 6, 3, 10, 0, tzinfo=UTC)  # 12:00 in Berlin
LATE = datetime(2026, 6, 3, 21, 30, tzinfo=UTC)  # 23:30 in Berlin, in her quiet hours


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    def run(moment, function, *args, **kwargs):
        with time_machine.travel(moment, tick=False):
            with django_capture_on_commit_callbacks(execute=True):
                return function(*args, **kwargs)

    return run


@pytest.fixture
def service():
    with push_service() as service:
        yield service


@pytest.fixture
def phone(alice, service):
    device = Device()
    device.subscription = device.subscribe(alice, service.endpoint("alice-phone"))
    return device


def remind(run, user, moment):
    """A check-in reminder due for `user` a minute before `moment`, dispatched then."""
    with time_machine.travel(moment - timedelta(days=3), tick=False):
        set_preference(user, cadence="weekly")
    ReminderPreference.objects.filter(user=user).update(next_run_at=moment - timedelta(minutes=1))
    return run(moment, services.reminders_dispatch)


def test_a_reminder_reaches_the_device_encrypted_and_decrypts_to_its_words(
    partnership, alice, phone, service, run
):
    remind(run, alice, NOON)

    [pushed] = service.to("alice-phone")
    assert pushed.headers["content-encoding"] == "aes128gcm"
    assert pushed.headers["authorization"].startswith("vapid t=")
    assert b"Bob" not in pushed.body  # only the device can read it
    assert phone.read(pushed.body) == {
        "title": "A gentle nudge",
        "body": "Whenever you are both ready, your check-in with Bob is waiting.",
        "url": f"/p/{partnership.public_id}/check-ins/",
    }
    [push] = PushDelivery.objects.all()
    assert (push.status, push.attempts, push.subscription) == ("sent", 1, phone.subscription)
    assert len(mail.outbox) == 1  # the email goes too: two channels of one delivery


def test_discreet_mode_makes_every_push_neutral(partnership, alice, phone, service, run):
    alice.discreet_emails = True
    alice.save(update_fields=["discreet_emails"])
    remind(run, alice, NOON)
    run(NOON, tell, alice, about=partnership, by=partnership.partner_of(alice))
    ReminderPreference.objects.filter(user=alice).update(activity_emails="each")
    run(NOON, tell, alice, about=partnership, by=partnership.partner_of(alice))
    run(NOON, services.partner_notices_dispatch)

    pushed = service.to("alice-phone")
    assert len(pushed) == 2
    for item in pushed:
        assert phone.read(item.body) == {"title": "You have an update", "body": "", "url": "/"}


def test_one_push_per_device_and_delivery_however_often_it_is_sent(
    partnership, alice, phone, service, run
):
    laptop = Device()
    laptop.subscribe(alice, service.endpoint("alice-laptop"), name="Laptop")
    remind(run, alice, NOON)
    delivery = ReminderDelivery.objects.get(user=alice)
    ReminderDelivery.objects.filter(pk=delivery.pk).update(status="pending")  # sent again
    run(NOON, services.deliveries_send, [delivery.pk])
    run(NOON, services.pushes_sweep, older_than=timedelta(0))

    assert service.counts() == {"/push/alice-phone": 1, "/push/alice-laptop": 1}
    assert PushDelivery.objects.filter(delivery=delivery).count() == 2
    assert laptop.read(service.to("alice-laptop")[0].body)["title"] == "A gentle nudge"


@pytest.mark.parametrize("status", [404, 410])
def test_a_device_the_push_service_calls_gone_is_removed(
    status, partnership, alice, phone, service, run
):
    service.answers["/push/alice-phone"] = status
    remind(run, alice, NOON)

    assert not PushSubscription.objects.filter(user=alice).exists()
    [push] = PushDelivery.objects.all()
    assert push.status == "failed" and str(status) in push.last_error
    assert push.subscription is None


def test_a_push_service_failing_is_retried_a_bounded_number_of_times(
    partnership, alice, phone, service, run
):
    service.answers["/push/alice-phone"] = 503
    remind(run, alice, NOON)
    push = PushDelivery.objects.get()
    assert (push.status, push.attempts) == ("pending", 1)

    for minutes in range(1, services.MAX_ATTEMPTS):
        run(NOON + timedelta(minutes=minutes), services.pushes_sweep, older_than=timedelta(0))
    push.refresh_from_db()
    assert (push.status, push.attempts) == ("failed", services.MAX_ATTEMPTS)
    assert "503" in push.last_error
    assert len(service.to("alice-phone")) == services.MAX_ATTEMPTS
    assert run(NOON + timedelta(hours=1), services.pushes_sweep, older_than=timedelta(0)) == 0
    assert PushSubscription.objects.filter(user=alice).exists()  # only "gone" removes it


def test_a_push_due_in_quiet_hours_waits_until_they_end(partnership, alice, phone, service, run):
    remind(run, alice, LATE)
    assert not service.received
    assert len(mail.outbox) == 1  # email is not a buzz in the night; it goes as always
    push = PushDelivery.objects.get()
    assert push.not_before == datetime(2026, 6, 4, 6, 0, tzinfo=UTC)  # 08:00 in Berlin

    assert run(datetime(2026, 6, 4, 5, 59, tzinfo=UTC), services.pushes_sweep) == 0
    assert run(datetime(2026, 6, 4, 6, 0, tzinfo=UTC), services.pushes_sweep) == 1
    [pushed] = service.to("alice-phone")
    assert phone.read(pushed.body)["title"] == "A gentle nudge"
    assert run(datetime(2026, 6, 4, 6, 1, tzinfo=UTC), services.pushes_sweep) == 0


def test_no_quiet_hours_when_both_ends_are_empty(partnership, alice, phone, service, run):
    set_preference(alice, quiet_from=None, quiet_until=None)
    remind(run, alice, LATE)
    assert len(service.to("alice-phone")) == 1


def test_a_kind_turned_off_sends_no_push_and_the_email_still_goes(
    partnership, alice, phone, service, run
):
    set_preference(alice, push_reminders=False)
    remind(run, alice, NOON)
    assert not service.received
    assert not PushDelivery.objects.exists()
    assert len(mail.outbox) == 1


def test_partner_activity_can_come_by_push_alone(partnership, alice, bob, phone, service, run):
    set_preference(alice, activity_emails="off")
    run(NOON, tell, alice, about=partnership, by=bob, message="Bob noticed your patience.")
    run(NOON, services.partner_notices_dispatch)

    [pushed] = service.to("alice-phone")
    assert phone.read(pushed.body) == {
        "title": "An appreciation for you",
        "body": "Bob noticed your patience.",
        "url": "/",
    }
    assert not mail.outbox  # she turned the emails off
    assert ReminderDelivery.objects.get(user=alice).status == "skipped"


def test_without_a_device_emails_off_means_nothing_is_kept(partnership, alice, bob):
    set_preference(alice, activity_emails="off")
    tell(alice, about=partnership, by=bob)
    assert not PartnerNotice.objects.exists()


def test_a_pause_ending_comes_by_push_and_can_be_turned_off_alone(
    partnership, alice, phone, service, run
):
    from trustapp.repair.services import pause_start

    path = f"/p/{partnership.public_id}/"
    with time_machine.travel(NOON, tick=False):
        pause_start(partnership=partnership, user=alice, minutes=30, about="", path=path)
    run(NOON + timedelta(minutes=31), services.partner_notices_dispatch)
    [pushed] = service.to("alice-phone")
    payload = phone.read(pushed.body)
    assert payload["title"] == "The time you chose to come back"
    assert payload["url"] == path

    set_preference(alice, push_pause=False)
    with time_machine.travel(NOON + timedelta(hours=1), tick=False):
        pause_start(partnership=partnership, user=alice, minutes=30, about="", path=path)
    run(NOON + timedelta(hours=2), services.partner_notices_dispatch)
    assert len(service.to("alice-phone")) == 1


def test_todays_question_comes_by_push_with_the_question(partnership, alice, phone, service, run):
    from trustapp.questions import services as questions

    with time_machine.travel(datetime(2026, 5, 31, 12, tzinfo=UTC), tick=False):
        questions.email_choose(user=alice, is_on=True, local_time=time(12))
    run(NOON + timedelta(seconds=5), questions.emails_dispatch)
    with time_machine.travel(NOON, tick=False):
        day_question = questions.today_question(partnership)

    [pushed] = service.to("alice-phone")
    assert phone.read(pushed.body) == {
        "title": "A question for today",
        "body": day_question.text,
        "url": day_question.get_absolute_url(),
    }
