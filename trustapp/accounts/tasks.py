"""Celery tasks for downloads: thin wrappers around trustapp/accounts/export.py."""

from celery import shared_task

from trustapp.accounts import export


@shared_task(name="accounts.build_export", acks_late=True, reject_on_worker_lost=True)
def build_export(export_id):
    try:
        export.export_build(export_id)
    except Exception:
        export.export_failed(export_id)
        raise


@shared_task(name="accounts.expire_exports")
def expire_exports():
    return export.exports_expire()
