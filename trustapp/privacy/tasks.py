"""Celery tasks for downloads: thin wrappers around trustapp/accounts/export.py."""

from celery import shared_task

from trustapp.accounts import export


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
