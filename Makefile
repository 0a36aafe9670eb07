# The two commands a newcomer needs: `make run` and `make test`.
SHELL := /bin/bash
PORT ?= 8000
UV := python3 -m uv
PY := .venv/bin/python

# Test settings: the real PostgreSQL and Redis on loopback (override as you like).
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/trustapp
TEST_REDIS_URL ?= redis://127.0.0.1:6379/9
# One test process per core (pytest-xdist; tests/support/workers.py keeps them apart).
TEST_WORKERS ?= 2
XDIST := -n $(TEST_WORKERS) --dist worksteal

.PHONY: run test test-production test-embedded install browser lint messages bench-reminders bench

# The message catalogs are compiled here (locale/*/LC_MESSAGES/django.mo are not committed):
# each .mo is remade whenever its .po is newer, by Django's compilemessages (GNU gettext's
# msgfmt, installed if it is missing).
CATALOGS := $(wildcard locale/*/LC_MESSAGES/django.po)

install: .venv/.synced $(CATALOGS:.po=.mo)

.venv/.synced: pyproject.toml uv.lock .python-version
	@python3 -m uv --version >/dev/null 2>&1 || python3 -m pip install --quiet uv
	$(UV) sync --frozen
	@touch $@

locale/%/LC_MESSAGES/django.mo: locale/%/LC_MESSAGES/django.po .venv/.synced
	@command -v msgfmt >/dev/null || (apt-get update -qq && apt-get install -y -qq gettext)
	DEBUG=1 $(PY) manage.py compilemessages --locale $* --ignore .venv --ignore var --ignore node_modules

# After changing words in the code: extract them into every catalog (new ones come empty,
# changed ones fuzzy with the old translation as a hint; tests/test_languages.py fails on both).
messages: install
	DEBUG=1 $(PY) manage.py makemessages --all --no-obsolete \
	  --ignore ".venv/*" --ignore "var/*" --ignore "bench/*" --ignore "tests/*" \
	  --ignore "test-artifacts/*" --ignore "node_modules/*"

run: install
	DEBUG=1 $(PY) manage.py migrate --no-input
	DEBUG=1 $(PY) manage.py seed_demo
	DEBUG=1 PORT=$(PORT) $(PY) -m trustapp.lib.run

browser:
	@test -x /usr/bin/chromium || (apt-get update -qq && apt-get install -y -qq chromium)

# `make test` runs the suite the two ways people run the app:
# 1. production: PostgreSQL and Redis on loopback, rate limits on, the whole suite;
# 2. embedded (`make run`'s setup): SQLite and the file broker, for the browser journeys
#    and the reminder path (tests marked `embedded`, see tests/conftest.py).
# The two run side by side (each pass's output is shown whole when it ends): they share no
# database, Redis database, data folder nor screenshot folder, and a browser journey spends
# much of its time waiting (on a poll every few seconds, on the browser), time the other
# pass then uses; so do the start and the last tests of each pass, when one core is idle.
# `make test-production` and `make test-embedded` run one pass alone.
#
# Every way the tests differ from production, each with its reason (the one list; keep it
# whole when you add one). Rate limits stay on: a test that needs many tries sets its own
# with override_settings(ACCOUNT_RATE_LIMITS=...).
# - SECRET_KEY=test-secret-key: production refuses to start without one; any fixed key will do.
# - DEBUG=0: as in production; set here so a DEBUG=1 in the developer's shell never leaks in.
# - STATIC_MANIFEST=0: the browser tests' live server serves /static/ by file name from the
#   source folders, so it cannot serve the hashed names of the production manifest. The
#   manifest itself is checked by tests/test_static.py (collectstatic, then pages render).
# - FAST_PASSWORD_HASHER=1: Argon2 costs tens of milliseconds per password on purpose, and
#   the suite makes thousands of users.
# - CELERY_TASK_ALWAYS_EAGER=1: most tests run no worker, so a queued task runs in the test
#   process once its transaction commits; the tests of the worker itself start a real Celery
#   worker process (tests/checkins/reminders/test_worker.py).
# - DATABASE_URL, REDIS_URL: throwaway ones on loopback (TEST_DATABASE_URL, TEST_REDIS_URL);
#   the embedded pass unsets them and uses DATA_DIR=var/test-embedded.
# Made by the test tools, not by us: pytest-django runs Django's setup_test_environment
# (mail kept in memory instead of sent, "testserver" added to ALLOWED_HOSTS) and wraps each
# test in a transaction on a fresh test database; tests/conftest.py empties the cache before
# each test (rate-limit counters live there) and allows the ORM beside Playwright's event loop.
TEST_ENV := SECRET_KEY=test-secret-key DEBUG=0 STATIC_MANIFEST=0 FAST_PASSWORD_HASHER=1 CELERY_TASK_ALWAYS_EAGER=1

test: install browser
	@$(MAKE) --no-print-directory --keep-going --jobs=2 --output-sync=target \
	  test-production test-embedded

test-production: install browser
	env $(TEST_ENV) DATABASE_URL=$(TEST_DATABASE_URL) REDIS_URL=$(TEST_REDIS_URL) \
	  $(PY) -m pytest $(XDIST) $(PYTEST_ARGS)

test-embedded: install browser
	@rm -rf var/test-embedded
	env -u DATABASE_URL -u REDIS_URL -u CELERY_BROKER_URL $(TEST_ENV) DATA_DIR=var/test-embedded \
	  TEST_ARTIFACTS=test-artifacts/embedded \
	  $(PY) -m pytest $(XDIST) -m embedded $(PYTEST_ARGS)

# Ruff, and the import contracts in pyproject.toml: apps depend only on the apps below them.
lint: install
	.venv/bin/ruff check .
	.venv/bin/lint-imports

# Reminder throughput (docs/benchmarks.md). Point DATABASE_URL and REDIS_URL at a
# throwaway database and Redis; BENCH_ARGS="--people 10000 --concurrency 2".
bench-reminders: install
	DEBUG=1 $(PY) -m bench.reminders $(BENCH_ARGS)

# Page load benchmark of the production setup, written to docs/benchmarks.md: gunicorn,
# PostgreSQL (database trustapp_bench, seeded once), Redis database 11, wrk; then the
# reminder path. About 6 minutes (7 when it seeds); BENCH_ARGS="--reminders 0" is quicker.
bench: install
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(PY) -m bench.run $(BENCH_ARGS)
