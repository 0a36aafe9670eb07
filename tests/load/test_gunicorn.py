"""gunicorn started the production way, with the repository's gunicorn.conf.py."""

import http.client
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.template import engines

from tests.notifications.support import free_port
from trustapp.lib.warm import project_templates, warm

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def server(tmp_path):
    port = free_port()
    log = tmp_path / "gunicorn.log"
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DATABASE_URL", "REDIS_URL", "DJANGO_", "WEB_", "GUNICORN_"))
    } | {
        "DEBUG": "0",
        "SECRET_KEY": "test-only-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "STATIC_MANIFEST": "0",
        "DATA_DIR": str(tmp_path),
        "WEB_CONCURRENCY": "2",
    }
    command = [sys.executable, "-m", "gunicorn", "trustapp.wsgi", "--bind", f"127.0.0.1:{port}"]
    # %(p)s: the worker that answered; %(q)s: the query string, naming the client.
    command += ["--access-logformat", "answered-by %(p)s %(s)s %(q)s"]
    with log.open("w") as output:
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT
        )
    try:
        deadline = time.monotonic() + 30
        # Both workers, or a first client may be answered by the one that booted first only.
        while log.read_text().count("Booting worker") < 2 or not _answers(port):
            assert process.poll() is None, log.read_text()
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.2)
        yield port, log
    finally:
        process.terminate()
        process.wait(timeout=30)


def _answers(port):
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        connection.request("GET", "/accounts/login/")
        return connection.getresponse().status == 200
    except OSError:
        return False


def test_it_compiles_every_template_in_the_master_before_forking_workers(server):
    _port, log = server
    found = re.search(r"Warmed: (\d+) templates compiled before forking", log.read_text())
    assert found, log.read_text()
    assert int(found.group(1)) == len(list(project_templates())) > 100
    assert "Using worker: sync" in log.read_text()
    frozen = re.search(
        r"Frozen: (\d+) objects out of the workers' garbage collection", log.read_text()
    )
    assert frozen and int(frozen.group(1)) > 50_000, log.read_text()


def test_a_client_keeping_its_connection_open_is_not_tied_to_one_worker(server):
    # Threaded workers keep a connection for as long as it is open, so a proxy's few
    # kept-alive connections can all end up in one process while the others idle. Sync
    # workers close it after each answer: the next request waits on the shared socket
    # for whichever process is free.
    port, log = server

    together = threading.Barrier(6, timeout=30)
    closes = []

    def client(number):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        together.wait()  # all six at once, so each finds both workers busy in turn
        for _ in range(15):
            connection.request("GET", f"/accounts/login/?client={number}")
            response = connection.getresponse()
            response.read()
            closes.append(response.getheader("Connection"))

    clients = [threading.Thread(target=client, args=[number]) for number in range(6)]
    for thread in clients:
        thread.start()
    for thread in clients:
        thread.join(timeout=60)
    time.sleep(0.3)  # the access log line is written after the response
    answered = re.findall(r"answered-by <(\d+)> 200 client=(\d)", log.read_text())
    assert len(answered) == 90, log.read_text()[-1500:]
    workers = {client: set() for client in "012345"}
    for pid, client in answered:
        workers[client].add(pid)
    # Every answer ends its connection, so no client stays with one process. Which process
    # takes the next one is the kernel's choice: most clients meet both, not always all.
    assert closes == ["close"] * 90, closes
    assert sum(len(pids) == 2 for pids in workers.values()) >= 3, workers


def test_warming_compiles_every_template_and_touches_no_database():
    # No django_db mark: a query here fails the test.
    names = list(project_templates())
    assert warm() == len(names)
    loader = engines["django"].engine.template_loaders[0]
    assert set(names) <= set(loader.get_template_cache)
