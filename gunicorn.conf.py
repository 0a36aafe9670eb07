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
# Recycle workers now and then so a slow leak never becomes an outage.
max_requests = 1000
max_requests_jitter = 100
# Heartbeat files on a disk-backed overlay can stall workers; /dev/shm is memory.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
accesslog = "-"
