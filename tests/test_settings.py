"""The settings module, loaded in a fresh process with a chosen environment.

Each test starts Python with only the variables it names, so the test run's own
DATABASE_URL, REDIS_URL and DEBUG never leak in.
"""

import ast
import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

DUMP_SETTINGS = """
import json
from django.conf import settings
print(json.dumps({
    "DATABASES": settings.DATABASES,
    "CACHES": settings.CACHES,
    "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
    "CELERY_BROKER_TRANSPORT_OPTIONS": getattr(settings, "CELERY_BROKER_TRANSPORT_OPTIONS", {}),
    "STATICFILES_BACKEND": settings.STORAGES["staticfiles"]["BACKEND"],
}, default=str))
"""


def variables_read_by(path):
    """Names passed to env(), env_bool(), env_int() and env_list() in a module."""
    names, dynamic = set(), []
    for node in ast.walk(ast.parse(path.read_text())):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
            continue
        if node.func.id not in {"env", "env_bool", "env_int", "env_list"}:
            continue
        first = node.args[0] if node.args else None
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            names.add(first.value)
        else:
            dynamic.append(ast.unparse(node))
    return names, dynamic


def run_python(args, tmp_path, **variables):
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "LANG": "C.UTF-8",
        "DJANGO_SETTINGS_MODULE": "trustapp.settings",
        "DATA_DIR": str(tmp_path / "var"),
        **variables,
    }
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def load_settings(tmp_path, **variables):
    result = run_python(["-c", DUMP_SETTINGS], tmp_path, **variables)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_it_refuses_to_start_without_a_secret_key_when_debug_is_off(tmp_path):
    result = run_python(["-c", DUMP_SETTINGS], tmp_path, DEBUG="0")

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY must be set" in result.stderr


def test_it_starts_without_a_secret_key_in_debug_mode(tmp_path):
    loaded = load_settings(tmp_path, DEBUG="1")

    assert loaded["DATABASES"]["default"]["ENGINE"] == "django.db.backends.sqlite3"


def test_database_url_selects_postgresql_with_the_psycopg_pool(tmp_path):
    loaded = load_settings(
        tmp_path,
        DEBUG="0",
        SECRET_KEY="x" * 50,
        DATABASE_URL="postgres://trust:s3cret@db.internal:5433/trustapp",
        DB_POOL_MIN="1",
        DB_POOL_MAX="7",
    )

    database = loaded["DATABASES"]["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["HOST"], database["PORT"], database["NAME"]) == (
        "db.internal",
        5433,
        "trustapp",
    )
    assert (database["USER"], database["PASSWORD"]) == ("trust", "s3cret")
    assert database["OPTIONS"]["pool"] == {"min_size": 1, "max_size": 7, "timeout": 10}
    # The pool owns connection reuse; Django's persistent connections would fight it.
    assert database["CONN_MAX_AGE"] == 0


def test_without_database_url_it_uses_sqlite_in_wal_mode_inside_the_data_dir(tmp_path):
    loaded = load_settings(tmp_path, DEBUG="1")

    database = loaded["DATABASES"]["default"]
    assert database["NAME"] == str(tmp_path / "var" / "trustapp.sqlite3")
    assert database["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in database["OPTIONS"]["init_command"]


def test_without_redis_url_it_needs_no_server_for_the_broker_or_the_cache(tmp_path):
    loaded = load_settings(tmp_path, DEBUG="1")

    assert loaded["CELERY_BROKER_URL"] == "filesystem://"
    assert loaded["CACHES"]["default"]["BACKEND"] == (
        "django.core.cache.backends.locmem.LocMemCache"
    )
    # Every folder the filesystem transport writes lives in the data dir, not the checkout.
    broker_dir = tmp_path / "var" / "broker"
    for folder in loaded["CELERY_BROKER_TRANSPORT_OPTIONS"].values():
        assert Path(folder).is_relative_to(broker_dir)
    assert set(loaded["CELERY_BROKER_TRANSPORT_OPTIONS"]) >= {
        "data_folder_in",
        "data_folder_out",
        "processed_folder",
        "control_folder",
    }


def test_redis_url_is_the_cache_and_the_broker(tmp_path):
    loaded = load_settings(tmp_path, DEBUG="1", REDIS_URL="redis://cache.internal:6379/3")

    assert loaded["CELERY_BROKER_URL"] == "redis://cache.internal:6379/3"
    assert loaded["CACHES"]["default"]["BACKEND"] == "trustapp.lib.cache.ResilientRedisCache"
    assert loaded["CACHES"]["default"]["LOCATION"] == "redis://cache.internal:6379/3"


def test_static_files_use_the_manifest_when_debug_is_off(tmp_path):
    production = load_settings(tmp_path, DEBUG="0", SECRET_KEY="x" * 50)
    development = load_settings(tmp_path, DEBUG="1")

    assert production["STATICFILES_BACKEND"] == (
        "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )
    assert development["STATICFILES_BACKEND"] == (
        "django.contrib.staticfiles.storage.StaticFilesStorage"
    )


def test_the_deployment_checklist_passes_with_a_production_environment(tmp_path):
    result = run_python(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        tmp_path,
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        HTTPS="1",
        SITE_URL="https://trust.example.org",
        ALLOWED_HOSTS="trust.example.org",
        CSRF_TRUSTED_ORIGINS="https://trust.example.org",
        DATABASE_URL="postgres://trust:s3cret@db.internal:5432/trustapp",
        REDIS_URL="redis://cache.internal:6379/0",
        EMAIL_HOST="smtp.example.org",
    )

    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues" in output, output


def test_env_example_lists_every_variable_the_settings_read():
    names, dynamic = variables_read_by(ROOT / "trustapp" / "settings.py")
    example = (ROOT / ".env.example").read_text()

    assert not dynamic, f"settings read variables by computed names: {dynamic}"
    assert len(names) > 20  # the parse found the calls, not nothing
    missing = sorted(
        name for name in names if not re.search(rf"^(# )?{name}=", example, re.MULTILINE)
    )
    assert not missing, f"add these to .env.example, each with a comment: {missing}"


def test_every_variable_in_env_example_has_a_comment_above_it():
    lines = (ROOT / ".env.example").read_text().splitlines()
    assignment = re.compile(r"^(# )?[A-Z][A-Z0-9_]*=")

    for number, line in enumerate(lines):
        if assignment.match(line):
            above = lines[number - 1]
            assert above.startswith("# ") and not assignment.match(above), (
                f"{line!r} needs its own comment line"
            )


def test_rate_limits_have_no_switch_to_turn_them_off(tmp_path):
    """The suite runs with the limits production has; a test that needs many tries sets its own."""
    names, _dynamic = variables_read_by(ROOT / "trustapp" / "settings.py")
    assert not {name for name in names if "RATE" in name}
    code = (
        "import json; from django.conf import settings; "
        "print(json.dumps(settings.ACCOUNT_RATE_LIMITS))"
    )
    result = run_python(["-c", code], tmp_path, SECRET_KEY="x", DISABLE_RATE_LIMITS="1")
    assert result.returncode == 0, result.stderr
    limits = json.loads(result.stdout)
    assert limits["login_failed"] and limits["signup"] and limits["invitation"]


def test_every_way_the_tests_differ_from_production_is_given_a_reason():
    """The one list is the comment beside TEST_ENV in the Makefile."""
    makefile = (ROOT / "Makefile").read_text()
    test_env = re.search(r"^TEST_ENV := (.*)$", makefile, re.MULTILINE)[1]
    block = makefile[: makefile.index("TEST_ENV :=")].rsplit("\n\n", 1)[-1]
    for assignment in test_env.split():
        assert f"# - {assignment}:" in block, f"say why the tests set {assignment}"
    assert "Makefile" in (ROOT / "tests" / "conftest.py").read_text().split('"""')[1]
