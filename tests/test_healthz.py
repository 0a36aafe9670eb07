"""/healthz: 200 when the database and the broker both answer, 503 otherwise."""

import time

import pytest
from django.db import OperationalError

from tests.test_settings import run_python
from trustapp import views
from trustapp.celery import app as celery_app

# Nothing listens on port 1: connecting is refused at once, the machine's Redis is untouched.
CLOSED_BROKER = "redis://127.0.0.1:1/0"


PROBE_OVER_HTTP = """
import django
django.setup()
from django.test import Client
client = Client(HTTP_HOST="trust.example.org")
print("healthz", client.get("/healthz").status_code)
login = client.get("/accounts/login/")
print("login", login.status_code, login["Location"])
"""


class UnreachableDatabase:
    def cursor(self):
        raise OperationalError("connection refused")


@pytest.mark.django_db
def test_it_answers_200_when_the_database_and_the_broker_answer(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"database": "ok", "broker": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_it_answers_503_when_the_broker_does_not(client, monkeypatch):
    monkeypatch.setitem(celery_app.conf, "broker_url", CLOSED_BROKER)

    response = client.get("/healthz")

    assert response.status_code == 503
    body = response.json()
    assert body["database"] == "ok"
    assert body["broker"].startswith("error")


@pytest.mark.django_db
def test_it_answers_503_when_the_database_does_not(client, monkeypatch):
    monkeypatch.setattr(views, "connection", UnreachableDatabase())

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"database": "error: OperationalError", "broker": "ok"}


@pytest.mark.django_db
def test_it_answers_quickly_even_when_the_broker_is_down(client, monkeypatch):
    monkeypatch.setitem(celery_app.conf, "broker_url", CLOSED_BROKER)

    started = time.monotonic()
    client.get("/healthz")

    # A probe that hangs on retries would time out in Docker instead of reporting.
    assert time.monotonic() - started < 2


def test_it_answers_over_plain_http_when_the_site_redirects_to_https(tmp_path):
    # Docker's health check calls http://127.0.0.1 inside the container, past the proxy.
    result = run_python(
        ["-c", PROBE_OVER_HTTP],
        tmp_path,
        DEBUG="0",
        SECRET_KEY="x" * 50,
        SITE_URL="https://trust.example.org",
        ALLOWED_HOSTS="trust.example.org",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "healthz",
        "200",
        "login",
        "301",
        "https://trust.example.org/accounts/login/",
    ]
