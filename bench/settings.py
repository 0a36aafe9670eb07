"""The production settings, plus one URL: the benchmark's floor.

`make bench` runs gunicorn with DJANGO_SETTINGS_MODULE=bench.settings. Everything comes
from trustapp.settings (the same environment variables, the same middleware); only the
URLconf differs, so the floor view exists in the benchmark and nowhere else.
"""

from trustapp.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
