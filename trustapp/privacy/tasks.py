"""Celery tasks of privacy: thin wrappers around export.py and prenup_services.py.

Their names are the ones they had before the move, so queued messages still resolve."""

from celery import shared_task

from trustapp.privacy import export, prenup_services


# A large download may take longer than the default limits allow.
@shared_task(
    name="accounts.build_export",
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=540,
    time_limit=600,
)
def build_export(export_id):
    try:
        export.export_build(export_id)
    except Exception:
        export.export_failed(export_id)
        raise


@shared_task(name="accounts.expire_exports")
def expire_exports():
    return export.exports_expire()


@shared_task(name="couples.apply_data_choices")
def apply_data_choices():
    """Carry out the data prenup of every ended space whose grace period is over."""
    return prenup_services.archives_apply_due()
