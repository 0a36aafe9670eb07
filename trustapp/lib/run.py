"""`make run`: the web server, a Celery worker and the beat scheduler in one terminal.

Ctrl-C (or SIGTERM) stops all three. If one of them dies, the others are stopped too,
so a broken start is never half-running.
"""

import os
import signal
import subprocess
import sys
import time


def site_url(host, port):
    """Where links in emails lead: to the address and port the app listens on."""
    if host in ("", "0.0.0.0", "::"):  # listening everywhere: this machine is one of them
        host = "127.0.0.1"
    elif ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


def environment(environ):
    """What web and worker both see: SITE_URL follows HOST and PORT unless it is set."""
    environ = dict(environ)
    if not environ.get("SITE_URL"):
        environ["SITE_URL"] = site_url(
            environ.get("HOST", "127.0.0.1"), environ.get("PORT", "8000")
        )
    return environ


def commands(*, python, host, port, data_dir):
    return {
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
            os.path.join(data_dir, "celerybeat-schedule"),
            "--concurrency",
            "2",
            "--loglevel",
            "INFO",
            "--without-gossip",
            "--without-mingle",
        ],
    }


def main():
    port = os.environ.get("PORT", "8000")
    host = os.environ.get("HOST", "127.0.0.1")
    var = os.environ.get("DATA_DIR") or os.path.join(os.getcwd(), "var")
    os.makedirs(var, exist_ok=True)
    env = environment(os.environ)
    started = commands(python=sys.executable, host=host, port=port, data_dir=var)
    processes = {name: subprocess.Popen(command, env=env) for name, command in started.items()}
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
