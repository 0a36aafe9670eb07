"""Two dispatchers at once on PostgreSQL: SKIP LOCKED shares the work, nothing doubles."""

import threading
from collections import Counter

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from tests.notifications.conftest import make_due_people, message_ids
from trustapp.notifications import services
from trustapp.notifications.models import ReminderDelivery, ReminderPreference

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres_only]


def run_together(function, count=2):
    """Start `count` threads at the same instant; each gets its own database connection."""
    barrier = threading.Barrier(count)
    results, errors = [], []

    def work():
        try:
            barrier.wait(timeout=10)
            results.append(function())
        except Exception as error:  # surfaced below, in the test's own thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=work) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    return results


@pytest.fixture
def due_people():
    return make_due_people(60)


def test_two_dispatchers_at_once_send_each_due_reminder_once(due_people):
    # Small batches so the two really interleave; the sends run eagerly on commit.
    created = run_together(lambda: services.reminders_dispatch(batch_size=4))
    assert sum(created) == 60, created
    assert ReminderDelivery.objects.count() == 60
    assert ReminderDelivery.objects.filter(status="sent").count() == 60
    counts = Counter(message_ids(mail.outbox))
    assert len(counts) == 60
    assert set(counts.values()) == {1}
    assert not ReminderPreference.objects.filter(next_run_at__lte=timezone.now()).exists()


def test_two_workers_sending_the_same_deliveries_send_each_once(due_people, monkeypatch):
    monkeypatch.setattr(services, "enqueue_send", lambda delivery_ids: None)  # rows only
    services.reminders_dispatch()
    ids = list(ReminderDelivery.objects.values_list("pk", flat=True))
    sent = run_together(lambda: services.deliveries_send(ids))
    assert sum(sent) == 60
    counts = Counter(message_ids(mail.outbox))
    assert len(counts) == 60 and set(counts.values()) == {1}
