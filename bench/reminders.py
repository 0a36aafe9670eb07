"""Measure reminder throughput: N people due now, dispatched and sent by a real worker.

    DEBUG=1 .venv/bin/python -m bench.reminders [--people 10000] [--concurrency 2]

Not a test: it creates N people in the configured database, starts a Celery worker
pointed at an SMTP server on loopback that only counts, lets the dispatcher and the
sends run, prints timings, and deletes the people again. See docs/benchmarks.md.
"""

import argparse
import logging
import os
import resource
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from datetime import timedelta
from email.parser import BytesHeaderParser

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trustapp.settings")
django.setup()

from django.conf import settings  # noqa: E402 - the app's models need django.setup() first
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from trustapp.couples.models import Membership, Partnership  # noqa: E402
from trustapp.notifications.models import ReminderDelivery, ReminderPreference  # noqa: E402
from trustapp.notifications.tasks import dispatch_reminders  # noqa: E402

DOMAIN = "bench.invalid"
ZONES = ["Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC", "Australia/Sydney"]


class DatabaseCpu:
    """CPU seconds the PostgreSQL backends serving this database used while measuring
    (Linux only: backend process titles name the database; /proc has their CPU times)."""

    def __init__(self, name):
        self.name = name.encode()
        self.tick = os.sysconf("SC_CLK_TCK")
        self.baseline = {}
        self.latest = {}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._sample_until_stopped, daemon=True)

    def _sample(self):
        found = {}
        for entry in os.scandir("/proc"):
            if not entry.name.isdigit():
                continue
            try:
                with open(f"/proc/{entry.name}/cmdline", "rb") as cmdline:
                    title = cmdline.read()
                if not title.startswith(b"postgres: ") or self.name not in title:
                    continue
                with open(f"/proc/{entry.name}/stat") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            found[entry.name] = (int(fields[11]) + int(fields[12])) / self.tick
        return found

    def _sample_until_stopped(self):
        while not self.stop.wait(0.2):
            self.latest.update(self._sample())

    def __enter__(self):
        self.baseline = self._sample()
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()
        self.latest.update(self._sample())

    def used(self):
        return sum(cpu - self.baseline.get(pid, 0) for pid, cpu in self.latest.items())


def _children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class CountingSink:
    """An SMTP handler that keeps only each message's Message-ID."""

    def __init__(self):
        self.ids = Counter()
        self.lock = threading.Lock()
        self.parser = BytesHeaderParser()

    async def handle_DATA(self, server, session, envelope):
        message_id = self.parser.parsebytes(envelope.original_content)["Message-ID"]
        with self.lock:
            self.ids[message_id] += 1
        return "250 OK"

    def total(self):
        with self.lock:
            return sum(self.ids.values())


def run(*, people, concurrency=2, timeout=300, keep=False, sink=None, out=print):
    """Create the people, send their reminders through a worker, report with `out`."""
    from aiosmtpd.controller import Controller  # a dev dependency

    if ReminderPreference.objects.filter(next_run_at__lte=timezone.now()).exists():
        raise SystemExit("Reminders are already due in this database; use an empty one.")

    _delete_people()
    started = time.monotonic()
    _create_people(people)
    out(f"Created {people} people in {time.monotonic() - started:.1f} s")

    logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd logs every command
    sink = sink or CountingSink()
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    worker = _start_worker(controller.port, concurrency)
    try:
        _wait_for_worker(worker)
        own_cpu, worker_cpu = time.process_time(), _children_cpu()
        with DatabaseCpu(settings.DATABASES["default"]["NAME"]) as database:
            _measure(people, sink, timeout, out)
        database_cpu = database.used()
        own_cpu = time.process_time() - own_cpu
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()
        controller.stop()
        if not keep:
            _delete_people()
    # The worker's pool processes count towards it once it has exited.
    worker_cpu = _children_cpu() - worker_cpu
    out(
        f"CPU per reminder: worker {worker_cpu / people * 1000:.1f} ms (including its"
        f" start), PostgreSQL {database_cpu / people * 1000:.1f} ms,"
        f" SMTP sink and this command {own_cpu / people * 1000:.1f} ms;"
        f" load average now {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    )


def _create_people(count):
    User = get_user_model()
    due = timezone.now() - timedelta(minutes=1)
    with transaction.atomic():
        users = User.objects.bulk_create(
            [
                User(
                    email=f"person{i}@{DOMAIN}",
                    display_name=f"Person {i}",
                    time_zone=ZONES[i % len(ZONES)],
                    password="!",
                )
                for i in range(count)
            ],
            batch_size=2000,
        )
        partnerships = Partnership.objects.bulk_create(
            [Partnership() for _ in range((count + 1) // 2)], batch_size=2000
        )
        Membership.objects.bulk_create(
            [
                Membership(partnership=partnerships[i // 2], user=user, slot=i % 2 + 1)
                for i, user in enumerate(users)
            ],
            batch_size=2000,
        )
        ReminderPreference.objects.bulk_create(
            [
                ReminderPreference(user=user, time_zone=user.time_zone, next_run_at=due)
                for user in users
            ],
            batch_size=2000,
        )


def _delete_people():
    users = get_user_model().objects.filter(email__endswith=f"@{DOMAIN}")
    Partnership.objects.filter(memberships__user__in=users).delete()
    users.delete()


def _start_worker(smtp_port, concurrency):
    env = os.environ | {
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_port),
        "CELERY_TASK_ALWAYS_EAGER": "0",
    }
    command = [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "trustapp",
        "worker",
        f"--concurrency={concurrency}",
        "--loglevel=WARNING",
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
    ]
    return subprocess.Popen(command, cwd=settings.BASE_DIR, env=env)


def _wait_for_worker(worker):
    from trustapp.celery import app

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if worker.poll() is not None:
            raise SystemExit("The worker stopped while starting.")
        if app.control.ping(timeout=0.5):
            return
    raise SystemExit("The worker did not start within 60 s.")


def _measure(people, sink, timeout, out):
    started = time.monotonic()
    dispatch_reminders.delay()
    dispatched_after = None
    deadline = started + timeout
    while time.monotonic() < deadline:
        time.sleep(0.25)
        if dispatched_after is None:
            if (
                ReminderDelivery.objects.filter(user__email__endswith=f"@{DOMAIN}").count()
                >= people
            ):
                dispatched_after = time.monotonic() - started
        if sink.total() >= people and not ReminderDelivery.objects.pending().exists():
            break
    else:
        raise SystemExit(f"Only {sink.total()} of {people} arrived within {timeout} s.")
    total = time.monotonic() - started
    repeats = sum(count - 1 for count in sink.ids.values())
    out(
        f"Dispatched {people} reminders in {dispatched_after:.1f} s; "
        f"all {len(sink.ids)} received by SMTP after {total:.1f} s "
        f"({people / total:.0f} per second), repeats: {repeats}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--people", type=int, default=10000)
    parser.add_argument("--concurrency", type=int, default=2, help="worker processes")
    parser.add_argument("--timeout", type=int, default=300, help="give up after seconds")
    parser.add_argument("--keep", action="store_true", help="keep the people afterwards")
    parser.add_argument(
        "--yes", action="store_true", help="run even with DEBUG off (never in production)"
    )
    args = parser.parse_args()
    if not settings.DEBUG and not args.yes:
        raise SystemExit("This creates thousands of people. Run it with DEBUG=1 or --yes.")
    run(people=args.people, concurrency=args.concurrency, timeout=args.timeout, keep=args.keep)


if __name__ == "__main__":
    main()
