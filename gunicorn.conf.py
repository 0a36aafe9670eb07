"""gunicorn settings for the Docker image, read from the environment (see .env.example).

gunicorn loads ./gunicorn.conf.py by itself, so `gunicorn trustapp.wsgi` is the whole command.
"""

import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
# One request at a time per process, two processes per CPU (one runs while the other
# waits on PostgreSQL), at most 8. Each process takes the next connection from the
# socket they share, so the load spreads evenly and requests are served in arrival
# order. Threaded workers keep a client's connection for as long as it stays open:
# make bench saw one process hold all 20 of wrk's connections while the other idled,
# half the throughput and a p99 of 100-400 ms, against 35-60 ms here (docs/benchmarks.md).
# Sync workers close the connection after each response, so put a proxy in front that
# buffers slow clients (nginx does by default).
_cpus = os.process_cpu_count() or 1
workers = int(os.environ.get("WEB_CONCURRENCY", str(max(2, min(2 * _cpus, 8)))))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20  # finish requests in flight; compose waits 30 s before SIGKILL
# Load the app once in the master and fork ready workers: a recycled worker starts in
# milliseconds instead of importing Django again (about a second of CPU each time).
# Nothing touches the database or Redis at import, so nothing is shared across the fork.
preload_app = True
# Recycle workers now and then so a slow leak never becomes an outage. Not too often: a
# new worker opens its own database connections again (templates and URL patterns it
# inherits compiled, see when_ready below).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "10000"))
max_requests_jitter = max_requests // 10
# Heartbeat files on a disk-backed overlay can stall workers; /dev/shm is memory.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
accesslog = "-"


def when_ready(server):
    """Compile the templates and URL patterns once, here, so every forked worker starts warm.

    Then freeze what the master holds (Django, the apps, the compiled templates: about
    150,000 objects) out of the garbage collector's reach. A worker's full collection
    otherwise walks all of them, a 100 ms pause in the middle of a request every few
    thousand requests; frozen, it takes about 10 ms. The workers' pages stay shared with
    the master too, since collecting no longer writes to those objects.
    """
    import gc

    from trustapp.lib.warm import warm

    server.log.info("Warmed: %d templates compiled before forking", warm())
    gc.collect()
    gc.freeze()
    server.log.info(
        "Frozen: %d objects out of the workers' garbage collection", gc.get_freeze_count()
    )
