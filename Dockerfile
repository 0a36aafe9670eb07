# Trustapp's production image. gunicorn serves the web app by default; docker-compose.yml
# runs the same image as the Celery worker and beat with other commands.

# The message catalogs, compiled in a stage of their own so GNU gettext stays out of the
# image: msgfmt with the checks Django's compilemessages runs (a broken .po stops the build).
FROM python:3.13-slim AS messages
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/*
COPY locale /locale
RUN for po in /locale/*/LC_MESSAGES/django.po; do \
      msgfmt --check-format -o "${po%.po}.mo" "$po" || exit 1; \
    done

FROM python:3.13-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    UV_PROJECT_ENVIRONMENT=/opt/venv \
    UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    UV_PYTHON_DOWNLOADS=never \
    PATH=/opt/venv/bin:$PATH \
    DATA_DIR=/app/var \
    PORT=8000

RUN pip install --no-cache-dir uv==0.13.9 \
    && groupadd --system app \
    && useradd --system --gid app --create-home --home-dir /home/app app

WORKDIR /app

# Dependencies first, from the committed lock, so a code change reuses this layer.
COPY pyproject.toml uv.lock .python-version ./
RUN uv sync --frozen --no-dev --no-install-project --no-cache

COPY . .
COPY --from=messages /locale /app/locale
# Static files are collected once, here. Settings refuse to load without a key when DEBUG
# is off; this one signs nothing, the real key comes from the environment at run time.
RUN SECRET_KEY=collectstatic-only DEBUG=0 python manage.py collectstatic --no-input --verbosity 0

# The code and static files stay owned by root: the app can read them, never change them.
USER app
EXPOSE 8000

# /healthz answers 200 only when the database and the broker answer. The Host header must
# be one the site accepts, so use the first of ALLOWED_HOSTS.
HEALTHCHECK --interval=30s --timeout=15s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request as u; h = os.environ.get('ALLOWED_HOSTS', '').split(',')[0].strip().lstrip('.'); h = h if h not in ('', '*') else 'localhost'; u.urlopen(u.Request('http://127.0.0.1:' + os.environ.get('PORT', '8000') + '/healthz', headers={'Host': h}), timeout=10)"]

# Settings for workers, threads and timeouts: gunicorn.conf.py (read from the environment).
CMD ["gunicorn", "trustapp.wsgi"]
