"""The production settings, plus one URL: the benchmark's floor.

`make bench` runs gunicorn with DJANGO_SETTINGS_MODULE=bench.settings. Everything comes
from trustapp.settings (the same environment variables, the same middleware); only the
URLconf differs, so the floor view exists in the benchmark and nowhere else.
"""

from trustapp import settings as production

# Every setting of trustapp.settings (they are the upper-case names), named here by copying.
globals().update({name: value for name, value in vars(production).items() if name.isupper()})

ROOT_URLCONF = "bench.urls"
