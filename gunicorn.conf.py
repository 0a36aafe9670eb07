"""gunicorn settings for the Docker image, read from the environment (see .env.example).

gunicorn loads ./gunicorn.conf.py by itself, so `gunicorn trustapp.wsgi` is the whole command.
"""

import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
# Processes x threads answer requests at once; each process has its own database pool.
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20  # finish requests in flight; compose waits 30 s before SIGKILL
keepalive = 5
# Load the app once in the master and fork ready workers: a recycled worker starts in
# milliseconds instead of importing Django again (about a second of CPU each time).
# Nothing touches the database or Redis at import, so nothing is shared across the fork.
preload_app = True
# Recycle workers now and then so a slow leak never becomes an outage. Not too often:
# each new worker compiles its templates and URL patterns again (make bench measured
# 1,000 requests per worker costing about a millisecond of CPU on every request).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "10000"))
max_requests_jitter = max_requests // 10
# Heartbeat files on a disk-backed overlay can stall workers; /dev/shm is memory.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
accesslog = "-"
