"""Trustapp settings: one module, read from the environment.

With no environment at all it runs embedded: SQLite, a file-system Celery broker,
mail printed to the console. Production sets DATABASE_URL, REDIS_URL, SECRET_KEY,
ALLOWED_HOSTS and the SMTP variables (see .env.example).
"""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from trustapp.lib.env import env, env_bool, env_int, env_list

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(env("DATA_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "insecure-development-key-only-for-debug-mode"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
SITE_NAME = "Trustapp"
# Where the "Quick exit" button leaves for: a plain, neutral page that says nothing about
# where the person was (a host in another country may prefer a local one).
QUICK_EXIT_URL = env("QUICK_EXIT_URL", "https://www.wikipedia.org/")

INSTALLED_APPS = [
    "trustapp.lib.admin_apps.TrustappAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.humanize",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "trustapp.accounts",
    "trustapp.couples",
    "trustapp.notifications",
    "trustapp.questions",
    "trustapp.calendar",
    "trustapp.agreements",
    "trustapp.appreciations",
    "trustapp.wins",
    "trustapp.conversations",
    "trustapp.dates",
    "trustapp.checkins",
    "trustapp.repair",
    "trustapp.heard",
    "trustapp.privacy",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Before anything reads the path, the query or the session (trustapp/lib/inputs.py).
    "trustapp.lib.inputs.RejectControlCharactersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    "trustapp.accounts.middleware.UserTimezoneMiddleware",
    # After authentication: a signed-in person's pages speak their profile's language.
    "trustapp.accounts.middleware.UserLanguageMiddleware",
    "trustapp.accounts.middleware.PrivatePagesMiddleware",
]

ROOT_URLCONF = "trustapp.urls"
WSGI_APPLICATION = "trustapp.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "trustapp.couples.context_processors.partnerships",
                "trustapp.accounts.context_processors.time_zones",
                "trustapp.lib.context_processors.quick_exit",
                "trustapp.lib.context_processors.stylesheets",
            ],
            "builtins": [
                "django.templatetags.i18n",
                "trustapp.couples.templatetags.couples",
                "trustapp.lib.content_tags",
                "trustapp.lib.frame_tags",
            ],
        },
    }
]

# Plain inputs, text areas, selects and radio or checkbox lists written in Python, the
# same markup as Django's widget templates (trustapp/lib/renderers.py).
FORM_RENDERER = "trustapp.lib.renderers.FormRenderer"

# Database: SQLite by default, DATABASE_URL (PostgreSQL) in production.
DATABASE_URL = env("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL)}
    DATABASES["default"]["OPTIONS"] = {
        "pool": {
            "min_size": env_int("DB_POOL_MIN", 2),
            "max_size": env_int("DB_POOL_MAX", 10),
            "timeout": 10,
        },
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0  # the pool owns connection reuse
else:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": env("SQLITE_PATH", str(DATA_DIR / "trustapp.sqlite3")),
            "OPTIONS": {
                # Web and worker share one file: WAL and immediate transactions
                # avoid "database is locked".
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;"
                ),
            },
            # A file, not memory: the tests start make run's worker on the same database.
            "TEST": {"NAME": str(DATA_DIR / "test.sqlite3")},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache and broker: Redis when REDIS_URL is set, otherwise nothing to run.
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "trustapp.lib.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    CELERY_BROKER_URL = REDIS_URL
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    BROKER_DIR = DATA_DIR / "broker"
    for sub in ("out", "processed"):
        (BROKER_DIR / sub).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_URL = "filesystem://"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(BROKER_DIR / "out"),
        "data_folder_out": str(BROKER_DIR / "out"),
        "processed_folder": str(BROKER_DIR / "processed"),
        # Exchange tables; kombu's default is ./control in the working directory.
        "control_folder": str(BROKER_DIR / "control"),
    }
CELERY_BROKER_URL = env("CELERY_BROKER_URL", CELERY_BROKER_URL)
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 120
CELERY_TASK_SOFT_TIME_LIMIT = 100
CELERY_TASK_IGNORE_RESULT = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = "UTC"
CELERY_IMPORTS = ["trustapp.notifications.tasks"]
CELERY_BEAT_SCHEDULE = {
    "reminders-dispatch": {"task": "reminders.dispatch", "schedule": 60.0},
    "reminders-partner-activity": {"task": "reminders.dispatch_partner_notices", "schedule": 60.0},
    "reminders-requeue-stale": {"task": "reminders.requeue_stale", "schedule": 300.0},
    "reminders-enrol": {"task": "reminders.enrol", "schedule": 600.0},
    "questions-emails": {"task": "questions.dispatch_emails", "schedule": 60.0},
    # Pushes whose quiet hours are over, and any still pending after a while.
    "push-sweep": {"task": "push.sweep", "schedule": 60.0},
    # Privacy: downloads expire after a day; ended spaces follow their data prenup.
    "privacy-expire-exports": {"task": "accounts.expire_exports", "schedule": 900.0},
    "privacy-apply-data-choices": {"task": "couples.apply_data_choices", "schedule": 3600.0},
}
# A delivery still pending this long after it was enqueued is enqueued again.
REMINDERS_STALE_AFTER = env_int("REMINDERS_STALE_AFTER", 600)

# Push notifications (Web Push with VAPID). Production sets VAPID_PRIVATE_KEY, the same for
# every container (`python manage.py vapid_key` makes one); without it a key is made once
# into DATA_DIR, which suits `make run` and the tests (trustapp/lib/vapid.py).
VAPID_PRIVATE_KEY = env("VAPID_PRIVATE_KEY")
VAPID_SUBJECT = env("VAPID_SUBJECT", "mailto:hello@trustapp.localhost")
# How long a push service keeps a push for a device that is offline (seconds).
PUSH_TTL = env_int("PUSH_TTL", 6 * 3600)

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
if env_bool("FAST_PASSWORD_HASHER"):  # test suites only
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"

# django-allauth: email is the login, verified by a code.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "trustapp.accounts.forms.SignupForm"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = True
ACCOUNT_EMAIL_VERIFICATION_SUPPORTS_RESEND = True  # "send a new code" on the code page
ACCOUNT_EMAIL_VERIFICATION_SUPPORTS_CHANGE = True  # fix a mistyped address at sign-up
ACCOUNT_EMAIL_NOTIFICATIONS = True  # tell people when their password, email or 2FA changes
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_FORMS = {"add_email": "trustapp.accounts.email_forms.AddEmailForm"}
ACCOUNT_REAUTHENTICATION_REQUIRED = True  # the password again before changing the email
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_ADAPTER = "trustapp.accounts.adapter.AccountAdapter"  # `next`: local paths only
ACCOUNT_LOGOUT_REDIRECT_URL = "account_login"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Trustapp] "
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    # Ours: opening or answering invitation links (guessing tokens is hopeless, but cheap to stop).
    "invitation": "30/m/ip,60/h/user",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_ADAPTER = "trustapp.accounts.mfa.MFAAdapter"  # secrets encrypted at rest
MFA_TOTP_ISSUER = "Trustapp"
USERSESSIONS_TRACK_ACTIVITY = False

LANGUAGE_CODE = "en"
# Each language is named in its own words, whatever the page's language: the switcher and
# the profile show "Deutsch" to someone looking for German. Adding one: README, Languages.
LANGUAGES = [
    ("en", "English"),
    ("de", "Deutsch"),
    ("es", "Español"),
    ("fr", "Français"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Our own date formats per language (trustapp/formats/<code>/formats.py), over Django's.
FORMAT_MODULE_PATH = ["trustapp.formats"]
# The switcher's choice, for signed-out pages (a year; signed-in people have their profile).
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
# Our own date formats per language (trustapp/formats/<code>/formats.py), over Django's.
FORMAT_MODULE_PATH = ["trustapp.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("STATIC_MANIFEST", default=not DEBUG)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 31536000 if not DEBUG else 0
WHITENOISE_USE_FINDERS = DEBUG or not env_bool("STATIC_MANIFEST", default=not DEBUG)

# Mail: printed to the console by default, SMTP when EMAIL_HOST is set.
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Trustapp <hello@trustapp.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
_smtp_host = env("EMAIL_HOST")
if _smtp_host:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": _smtp_host,
                "port": env_int("EMAIL_PORT", 587),
                "username": env("EMAIL_HOST_USER") or None,
                "password": env("EMAIL_HOST_PASSWORD") or None,
                "use_tls": env_bool("EMAIL_USE_TLS", default=False),
                "use_ssl": env_bool("EMAIL_USE_SSL", default=False),
                "timeout": env_int("EMAIL_TIMEOUT", 10),
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}

# Security headers. A strict Content Security Policy: no inline script or style.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 24 * 30
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
HTTPS = env_bool("HTTPS", default=not DEBUG and SITE_URL.startswith("https://"))
if HTTPS:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}

INVITATION_DAYS = 7
