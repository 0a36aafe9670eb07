"""`make test` runs the suite in two processes (pytest-xdist), one per core. Each process
gets its own Redis database and data folder, so one never empties the other's cache (the
rate-limit counters) or takes the other's queued tasks; each already gets its own test
database from pytest-django.

Loaded with `-p` before Django reads its settings, which come from the environment.
"""

import os
from urllib.parse import urlsplit, urlunsplit

worker = os.environ.get("PYTEST_XDIST_WORKER")  # "gw0", "gw1", ... in a worker process

if worker and worker != "gw0":
    number = int(worker.removeprefix("gw"))
    if url := os.environ.get("REDIS_URL"):
        parts = urlsplit(url)
        database = int(parts.path.strip("/") or 0)
        # Redis has 16 databases; the next ones after the one given are the workers'.
        os.environ["REDIS_URL"] = urlunsplit(parts._replace(path=f"/{(database + number) % 16}"))
    if data_dir := os.environ.get("DATA_DIR"):
        os.environ["DATA_DIR"] = os.path.join(data_dir, worker)
