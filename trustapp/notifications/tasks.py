"""Celery tasks: thin wrappers around the services, taking ids only."""

import smtplib

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded

from trustapp.notifications import services


@shared_task(name="reminders.dispatch")
def dispatch_reminders():
    return services.reminders_dispatch()


@shared_task(name="reminders.dispatch_partner_notices")
def dispatch_partner_notices():
    return services.partner_notices_dispatch()


@shared_task(name="reminders.requeue_stale")
def requeue_stale_deliveries():
    return services.deliveries_requeue_stale()


@shared_task(name="reminders.enrol")
def enrol():
    return services.reminders_enrol()


@shared_task(
    name="reminders.send",
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=100,
    time_limit=120,
    autoretry_for=(services.TransientSendError, smtplib.SMTPException, OSError),
    retry_backoff=10,
    retry_backoff_max=900,
    retry_jitter=True,
    max_retries=services.MAX_ATTEMPTS,
)
def send_deliveries(self, delivery_ids):
    try:
        return services.deliveries_send(delivery_ids)
    except SoftTimeLimitExceeded:
        # Rows already sent are skipped next time; the rest wait in a fresh message.
        services.enqueue_send(delivery_ids)
        return None


@shared_task(name="push.sweep")
def sweep_pushes():
    return services.pushes_sweep()


@shared_task(
    name="push.send",
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=100,
    time_limit=120,
)
def send_pushes(push_ids):
    try:
        return services.pushes_send(push_ids)
    except SoftTimeLimitExceeded:
        services.enqueue_pushes(push_ids)  # what was sent is skipped next time
        return None
