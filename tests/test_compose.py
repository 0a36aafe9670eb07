"""docker-compose.yml, validated by Debian's docker-compose (it parses without an engine).

Each test copies the compose file to a temporary directory with its own .env made from
.env.example, so a developer's real .env never takes part.
"""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = shutil.which("docker-compose") or "/usr/bin/docker-compose"

pytestmark = pytest.mark.skipif(
    not Path(COMPOSE).exists(), reason="Debian's docker-compose is not installed"
)


def write_env(directory, **values):
    values.setdefault("VAPID_PRIVATE_KEY", "a-vapid-private-key")
    lines = []
    for line in (ROOT / ".env.example").read_text().splitlines():
        name = line.split("=", 1)[0]
        if "=" in line and name in values:
            line = f"{name}={values.pop(name)}"
        lines.append(line)
    lines += [f"{name}={value}" for name, value in values.items()]
    (directory / ".env").write_text("\n".join(lines) + "\n")


def compose(directory, *args):
    return subprocess.run(
        [COMPOSE, "--project-directory", str(directory), "-f", "docker-compose.yml", *args],
        cwd=directory,
        env={"PATH": "/usr/bin:/bin", "HOME": str(directory)},
        capture_output=True,
        text=True,
        timeout=60,
    )


def copy_project(directory):
    shutil.copy(ROOT / "docker-compose.yml", directory)
    shutil.copy(ROOT / "Dockerfile", directory)
    return directory


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path)


@pytest.fixture(scope="module")
def services(tmp_path_factory):
    """The services as resolved with .env.example plus the two required secrets."""
    directory = copy_project(tmp_path_factory.mktemp("compose"))
    write_env(directory, SECRET_KEY="a-long-random-secret", POSTGRES_PASSWORD="pg2026secret")
    return resolved(directory)["services"]


def yaml_python():
    """A Python that has PyYAML: Debian's docker-compose depends on it."""
    for python in (sys.executable, "/usr/bin/python3"):
        found = subprocess.run([python, "-c", "import yaml"], capture_output=True, timeout=30)
        if found.returncode == 0:
            return python
    pytest.skip("no Python with PyYAML to read the resolved configuration")


def resolved(project):
    """The configuration as compose resolves it, as a dict (PyYAML comes with docker-compose)."""
    result = compose(project, "config")
    assert result.returncode == 0, result.stderr
    loaded = subprocess.run(
        [
            yaml_python(),
            "-c",
            "import json, sys, yaml; print(json.dumps(yaml.safe_load(sys.stdin)))",
        ],
        input=result.stdout,
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    return json.loads(loaded.stdout)


def test_it_is_valid_with_an_env_made_from_the_example(project):
    write_env(project, SECRET_KEY="a-long-random-secret", POSTGRES_PASSWORD="pg2026secret")

    result = compose(project, "config", "-q")

    assert result.returncode == 0, result.stderr


def test_it_refuses_to_start_without_a_secret_key(project):
    write_env(project, SECRET_KEY="", POSTGRES_PASSWORD="pg2026secret")

    result = compose(project, "config", "-q")

    assert result.returncode != 0
    assert "set SECRET_KEY in .env" in result.stderr


def test_it_refuses_to_start_without_a_database_password(project):
    write_env(project, SECRET_KEY="a-long-random-secret", POSTGRES_PASSWORD="")

    result = compose(project, "config", "-q")

    assert result.returncode != 0
    assert "set POSTGRES_PASSWORD in .env" in result.stderr


def test_every_service_has_a_health_check(services):
    assert set(services) == {"postgres", "redis", "mailpit", "web", "worker", "beat"}
    for name, service in services.items():
        assert service.get("healthcheck", {}).get("test"), f"{name} has no health check"


def test_the_app_services_find_postgres_redis_and_mailpit(services):
    for name in ("web", "worker", "beat"):
        environment = services[name]["environment"]
        assert environment["DEBUG"] == "0"
        assert environment["SECRET_KEY"] == "a-long-random-secret"
        assert environment["DATABASE_URL"] == (
            "postgres://trustapp:pg2026secret@postgres:5432/trustapp"
        )
        assert environment["REDIS_URL"].startswith("redis://redis:6379/")
        assert (environment["EMAIL_HOST"], environment["EMAIL_PORT"]) == ("mailpit", "1025")
        for variable in ("ALLOWED_HOSTS", "SITE_URL", "CSRF_TRUSTED_ORIGINS"):
            assert environment[variable]
    assert services["postgres"]["volumes"], "PostgreSQL data must outlive its container"
    # Only the web app and mailpit's UI are published, and on loopback unless told otherwise.
    assert "ports" not in services["postgres"]
    assert "ports" not in services["redis"]
    assert services["web"]["ports"][0].startswith("127.0.0.1:8000:8000")


def test_web_migrates_before_serving_and_the_workers_wait_for_it(services):
    command = " ".join(services["web"]["command"])
    assert command.index("manage.py migrate") < command.index("gunicorn trustapp.wsgi")
    for dependency in ("postgres", "redis"):
        assert services["web"]["depends_on"][dependency]["condition"] == "service_healthy"
    for name in ("worker", "beat"):
        assert services[name]["depends_on"]["web"]["condition"] == "service_healthy"
    assert "worker" in services["worker"]["command"]
    assert "beat" in services["beat"]["command"]


def test_env_example_values_flow_into_the_containers(project):
    write_env(
        project,
        SECRET_KEY="a-long-random-secret",
        POSTGRES_PASSWORD="pg2026secret",
        SITE_URL="https://trust.example.org",
        ALLOWED_HOSTS="trust.example.org",
        EMAIL_HOST="smtp.example.org",
        EMAIL_PORT="587",
        WEB_BIND="0.0.0.0",
        WEB_PORT="9000",
    )

    services = resolved(project)["services"]

    environment = services["web"]["environment"]
    assert environment["SITE_URL"] == "https://trust.example.org"
    assert environment["ALLOWED_HOSTS"] == "trust.example.org"
    assert (environment["EMAIL_HOST"], environment["EMAIL_PORT"]) == ("smtp.example.org", "587")
    assert services["web"]["ports"][0].startswith("0.0.0.0:9000:8000")
