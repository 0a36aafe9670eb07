"""`make run` from a fresh copy of the checkout, as a newcomer would start it.

No PostgreSQL or Redis variables, no data dir: the copy holds only the files git knows
(tracked, or new and not ignored), so var/, .env and any local database stay behind.
The dependencies are the ones already installed: .venv is linked, not reinstalled.
"""

import http.cookiejar
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from tests.test_settings import variables_read_by
from trustapp.lib import run

ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT = 90
STOP_TIMEOUT = 15
DEMO_EMAIL, DEMO_PASSWORD = "alice@example.com", "trust-demo-2026"


def files_git_knows():
    # safe.directory: CI may check out as another user than the one running the tests.
    git = ["git", "-c", f"safe.directory={ROOT}"]
    listed = subprocess.run(
        [*git, "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    )
    return filter(None, listed.stdout.decode().split("\0"))


def fresh_checkout(destination):
    for name in files_git_knows():
        source = ROOT / name
        if source.is_file():  # a tracked file deleted in the working tree is skipped
            target = destination / name
            target.parent.mkdir(parents=True, exist_ok=True)
            # copy2 keeps modification times, so make sees the linked .venv as up to date.
            shutil.copy2(source, target)
    if (ROOT / ".venv").is_dir():
        (destination / ".venv").symlink_to(ROOT / ".venv")
    return destination


def newcomer_environment():
    """This process's environment without anything that configures Trustapp or make."""
    names, _ = variables_read_by(ROOT / "trustapp" / "settings.py")
    names |= {"PORT", "HOST", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    names |= {"MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES"}
    return {name: value for name, value in os.environ.items() if name not in names}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def browser():
    """An HTTP client with a cookie jar that shows redirects instead of following them."""
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirects()
    )

    def request(url, data=None, headers=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            response = opener.open(urllib.request.Request(url, body, headers or {}), timeout=10)
        except urllib.error.HTTPError as answer:  # 3xx and 4xx arrive here
            response = answer
        with response:
            return response.status, response.headers, response.read().decode()

    return request


def processes_of(group, checkout):
    """{pid: command line} of living processes in the group or working in the checkout.

    The working directory catches a process that left the group (a daemon, say).
    Zombies have exited; they only wait for their parent to notice.
    """
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode().strip()
            cwd = Path(os.readlink(entry / "cwd"))
        except OSError:
            continue
        state, _parent, process_group = stat.rsplit(")", 1)[1].split()[:3]
        if state != "Z" and (int(process_group) == group or cwd.is_relative_to(checkout)):
            found[int(entry.name)] = cmdline
    return found


def log_tail(log):
    return "\n".join(log.read_text(errors="replace").splitlines()[-40:])


def wait_for_sign_in_page(request, base, process, log):
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"make run exited with {process.returncode}:\n{log_tail(log)}")
        try:
            status, _, page = request(f"{base}/accounts/login/")
            if status == 200:
                return page
        except OSError:
            pass  # not listening yet
        time.sleep(0.3)
    raise AssertionError(f"no sign-in page after {START_TIMEOUT} s:\n{log_tail(log)}")


def test_make_run_serves_the_app_with_no_services_and_stops_everything_on_ctrl_c(tmp_path):
    checkout = fresh_checkout(tmp_path / "trustapp")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = tmp_path / "make-run.log"
    request = browser()

    with log.open("w") as output:
        process = subprocess.Popen(
            ["make", "run", f"PORT={port}"],
            cwd=checkout,
            env=newcomer_environment(),
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, as a terminal would give it
        )
    group = process.pid
    try:
        page = wait_for_sign_in_page(request, base, process, log)

        # The demo partner signs in over HTTP.
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        status, headers, _ = request(
            f"{base}/accounts/login/",
            {"csrfmiddlewaretoken": token, "login": DEMO_EMAIL, "password": DEMO_PASSWORD},
            {"Referer": f"{base}/accounts/login/"},
        )
        assert status == 302, log_tail(log)
        assert "/accounts/login/" not in headers["Location"]
        location = urllib.parse.urljoin(base, headers["Location"])
        for _ in range(3):  # home leads on to the demo partnership
            status, headers, page = request(location)
            if status != 302:
                break
            location = urllib.parse.urljoin(base, headers["Location"])
        assert status == 200
        assert "Bob" in page, "Alice's home should show her demo partner"

        # The embedded database and the file-system broker both answer.
        status, _, health = request(f"{base}/healthz")
        assert (status, health) == (200, '{"database": "ok", "broker": "ok"}')
        assert (checkout / "var" / "trustapp.sqlite3").exists()

        running = processes_of(group, checkout)
        commands = " | ".join(running.values())
        assert "runserver" in commands, commands
        assert "celery" in commands and "worker" in commands, commands
        assert "beat" in commands, commands

        # Ctrl-C in a terminal signals the whole foreground process group.
        started = time.monotonic()
        os.killpg(group, signal.SIGINT)
        while processes_of(group, checkout) and time.monotonic() - started < STOP_TIMEOUT:
            time.sleep(0.2)
        left = processes_of(group, checkout)
        assert not left, f"still running {STOP_TIMEOUT} s after Ctrl-C: {left}\n{log_tail(log)}"
        process.wait(timeout=5)
    finally:
        for pid in processes_of(group, checkout):  # only what this test started
            os.kill(pid, signal.SIGKILL)
        process.wait(timeout=5)


def test_links_in_emails_lead_to_the_port_make_run_listens_on_unless_site_url_is_set():
    # Web and worker both start with this environment (trustapp/lib/run.py).
    def site_url(**variables):
        return run.environment(variables)["SITE_URL"]

    assert site_url() == "http://127.0.0.1:8000"
    assert site_url(PORT="9000") == "http://127.0.0.1:9000"
    assert site_url(HOST="0.0.0.0", PORT="9000") == "http://127.0.0.1:9000"
    assert site_url(HOST="::1", PORT="9000") == "http://[::1]:9000"
    assert site_url(PORT="9000", SITE_URL="https://trust.example.org") == (
        "https://trust.example.org"
    )
