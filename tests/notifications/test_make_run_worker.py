"""A reminder through the worker `make run` starts: SQLite, the file broker, an SMTP server.

The embedded default is what a newcomer runs first; a statement only PostgreSQL accepts
would leave every delivery pending there (as `FOR UPDATE SKIP LOCKED` once did).
"""

import pytest
from django.db import connection
from django.utils import timezone

from tests.notifications.conftest import make_due
from tests.notifications.support import (
    MakeRunWorker,
    free_port,
    real_broker,
    smtp_sink,
    wait_for,
)
from trustapp.notifications.models import ReminderDelivery
from trustapp.notifications.tasks import dispatch_reminders

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.embedded]


@pytest.fixture(autouse=True)
def _embedded_only():
    if connection.vendor != "sqlite":
        pytest.skip("make run's worker runs on SQLite; test_worker.py covers production")


def test_make_runs_worker_delivers_a_due_reminder_once_with_links_to_its_port(
    tmp_path, alice, bob, partnership
):
    make_due(alice)
    web_port = free_port()
    with smtp_sink() as sink, real_broker():
        worker = MakeRunWorker(
            smtp_port=sink.port, log_path=tmp_path / "worker.log", web_port=web_port
        )
        try:
            dispatch_reminders.delay()  # the beat's job, through the file broker
            sent = ReminderDelivery.objects.filter(user=alice, status=ReminderDelivery.Status.SENT)
            try:
                wait_for(sent.exists, timeout=60, message="the reminder to be sent")
            except AssertionError as error:
                raise AssertionError(f"{error}; the worker said:\n{worker.output()}") from None
        finally:
            worker.stop()

    delivery = sent.get()
    assert delivery.sent_at <= timezone.now()
    assert sink.counts() == {delivery.message_id: 1}
    [received] = sink.to("alice@example.com")
    text = received.message.get_body(("plain",)).get_content()
    assert f"http://127.0.0.1:{web_port}/p/{partnership.public_id}/check-ins/" in text
    assert "127.0.0.1:8000" not in text
