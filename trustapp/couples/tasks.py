"""Celery tasks of the couples app: thin wrappers around its services."""

from celery import shared_task

from trustapp.couples import prenup_services


@shared_task(name="couples.apply_data_choices")
def apply_data_choices():
    """Carry out the data prenup of every ended space whose grace period is over."""
    return prenup_services.archives_apply_due()
