"""`make run`: the web server, a Celery worker and the beat scheduler in one terminal.

Ctrl-C (or SIGTERM) stops all three. If one of them dies, the others are stopped too,
so a broken start is never half-running.
"""

import os
import signal
import subprocess
import sys
import time


def main():
    port = os.environ.get("PORT", "8000")
    host = os.environ.get("HOST", "127.0.0.1")
    python = sys.executable
    var = os.environ.get("DATA_DIR") or os.path.join(os.getcwd(), "var")
    os.makedirs(var, exist_ok=True)
    commands = {
        "web": [python, "manage.py", "runserver", f"{host}:{port}", "--noreload"],
        "worker": [
            python,
            "-m",
            "celery",
            "-A",
            "trustapp",
            "worker",
            "--beat",
            "--schedule",
            os.path.join(var, "celerybeat-schedule"),
            "--concurrency",
            "2",
            "--loglevel",
            "INFO",
            "--without-gossip",
            "--without-mingle",
        ],
    }
    processes = {name: subprocess.Popen(cmd) for name, cmd in commands.items()}
    print(f"Trustapp is running at http://{host}:{port}/ (Ctrl-C stops everything)", flush=True)

    stopping = False

    def stop(*_):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    exit_code = 0
    while not stopping:
        for name, process in processes.items():
            code = process.poll()
            if code is not None:
                print(f"{name} stopped (exit code {code}); stopping the rest.", flush=True)
                exit_code = code or 1
                stopping = True
                break
        time.sleep(0.3)
    for process in processes.values():
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + 10
    for process in processes.values():
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()
    return exit_code


if __name__ == "__main__":
    sys.exit(main())
