"""Real moving parts for reminder tests: an SMTP server on loopback and a Celery worker.

The worker is a separate `celery -A trustapp worker` process pointed at pytest's test
database and the test Redis, so tests that use it need `transactional_db`.
"""

import asyncio
import contextlib
import email
import email.policy
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import redis
from aiosmtpd.controller import Controller
from django.conf import settings
from django.db import connection

from trustapp.celery import app as celery_app
from trustapp.lib import run

ROOT = Path(__file__).resolve().parents[2]
WORKER_APP_NAME = "trustapp-reminders-test-worker"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(condition, *, timeout, message, interval=0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s: {message}")


@dataclass
class Received:
    message_id: str
    to: list
    message: email.message.EmailMessage
    at: float


@dataclass
class SmtpSink:
    """Accepts every message; `delay` slows each one; `on_message(n)` runs after the n-th
    complete message is recorded and before the server answers 250."""

    delay: float = 0.0
    on_message: object = None
    received: list = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            await asyncio.sleep(self.delay)
        parsed = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        with self.lock:
            self.received.append(
                Received(
                    message_id=str(parsed["Message-ID"]),
                    to=list(envelope.rcpt_tos),
                    message=parsed,
                    at=time.monotonic(),
                )
            )
            count = len(self.received)
        if self.on_message is not None:
            self.on_message(count)
        return "250 Message accepted for delivery"

    def counts(self):
        with self.lock:
            return Counter(item.message_id for item in self.received)

    def to(self, address):
        with self.lock:
            return [item for item in self.received if address in item.to]


@contextlib.contextmanager
def smtp_sink(**options):
    sink = SmtpSink(**options)
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        sink.port = controller.port
        yield sink
    finally:
        controller.stop()


def test_database_url():
    db = settings.DATABASES["default"]
    user = db.get("USER") or "postgres"
    return (
        f"postgres://{user}@{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}/{db['NAME']}"
    )


class Worker:
    """A `celery worker` in its own process group, so SIGKILL takes the pool with it.

    This one is production's: PostgreSQL (the test database) and Redis.
    """

    def __init__(self, *, smtp_port, log_path, concurrency=2):
        self.log_path = log_path
        self.log = open(log_path, "ab")  # noqa: SIM115 (closed in stop)
        self.process = subprocess.Popen(
            self.command(concurrency),
            cwd=ROOT,
            env=self.environment(smtp_port),
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def environment(self, smtp_port):
        return os.environ | {
            "DATABASE_URL": test_database_url(),
            "REDIS_URL": settings.REDIS_URL,
            "CELERY_TASK_ALWAYS_EAGER": "0",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(smtp_port),
            "DB_POOL_MIN": "1",
            "DB_POOL_MAX": "4",
            "LOG_LEVEL": "WARNING",
            "PGAPPNAME": WORKER_APP_NAME,  # libpq names the worker's database sessions
        }

    def command(self, concurrency):
        return [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "trustapp",
            "worker",
            "--pool=prefork",
            f"--concurrency={concurrency}",
            "--loglevel=WARNING",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            f"--hostname=reminders-test-{os.getpid()}-{time.monotonic_ns()}@%h",
        ]

    def kill(self):
        """SIGKILL the whole worker: main process and pool children, no goodbyes."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)

    def stop(self):
        """The test has what it needs by now: no graceful shutdown, just gone."""
        self.kill()
        try:
            self.process.wait(timeout=10)
        finally:
            self.log.close()

    def output(self):
        return Path(self.log_path).read_text(errors="replace")[-4000:]


class MakeRunWorker(Worker):
    """The worker and beat `make run` starts (trustapp/lib/run.py), on the embedded
    default: the file broker in DATA_DIR and the SQLite test database (a file)."""

    def __init__(self, *, smtp_port, log_path, web_port):
        self.web_port = web_port
        super().__init__(smtp_port=smtp_port, log_path=log_path)

    def environment(self, smtp_port):
        production = {"DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL", "SITE_URL"}
        environ = {name: value for name, value in os.environ.items() if name not in production}
        return run.environment(
            environ
            | {
                "DEBUG": "1",  # as the Makefile starts it
                "PORT": str(self.web_port),
                "DATA_DIR": str(Path(settings.DATA_DIR).resolve()),
                "SQLITE_PATH": str(Path(connection.settings_dict["NAME"]).resolve()),
                "CELERY_TASK_ALWAYS_EAGER": "0",
                "EMAIL_HOST": "127.0.0.1",
                "EMAIL_PORT": str(smtp_port),
            }
        )

    def command(self, concurrency):
        data_dir = str(Path(settings.DATA_DIR).resolve())
        started = run.commands(
            python=sys.executable, host="127.0.0.1", port=self.web_port, data_dir=data_dir
        )
        return started["worker"]


def flush_test_redis():
    """Empty the test Redis database (this suite's own number), queue included."""
    redis.Redis.from_url(settings.REDIS_URL).flushdb()


@contextlib.contextmanager
def real_broker(url=None):
    """Publish to a real broker from the test process instead of running tasks eagerly."""
    conf = celery_app.conf
    saved = conf.task_always_eager, conf.broker_url
    conf.task_always_eager = False
    if url is not None:
        conf.broker_url = url
    _reset_producer_pool()
    try:
        yield
    finally:
        conf.task_always_eager, conf.broker_url = saved
        _reset_producer_pool()


def _reset_producer_pool():
    # kombu keeps one pool per broker URL; forgetting ours picks the pool of the new URL.
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


def worker_database_sessions():
    """The workers' sessions still open; a killed worker's linger until PostgreSQL notices
    the closed socket and rolls back their transactions."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE datname = current_database() AND application_name = %s",
            [WORKER_APP_NAME],
        )
        return cursor.fetchone()[0]
