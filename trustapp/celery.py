import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trustapp.settings")

app = Celery("trustapp")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
