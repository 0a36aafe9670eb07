"""Celery tasks: thin wrappers around the services."""

from celery import shared_task

from trustapp.questions import services


@shared_task(name="questions.dispatch_emails")
def dispatch_emails():
    return services.emails_dispatch()
