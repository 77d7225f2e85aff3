"""Staffroom settings: one module, configured from environment variables."""

import os
import sys
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

from hub.lib import storage

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


DEBUG = env_bool("DJANGO_DEBUG", True)
# The development key is only accepted with DEBUG on; production must set one.
_DEV_SECRET = "dev-only-insecure-key-change-me-0123456789-abcdefghijklmnopqrstuvwxyz"
SECRET_KEY = env_str("DJANGO_SECRET_KEY", _DEV_SECRET if DEBUG else "")
if not SECRET_KEY:
    raise RuntimeError("Set DJANGO_SECRET_KEY when DJANGO_DEBUG is off.")

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")
SITE_URL = env_str("STAFFROOM_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# bench/pages.sh only: routes /bench/ceiling/, the bare page every page is measured against.
STAFFROOM_BENCH = env_bool("STAFFROOM_BENCH", False)

INSTALLED_APPS = [
    "hub.apps.HubConfig",
    "ideas.apps.IdeasConfig",
    "events.apps.EventsConfig",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_tasks",
    "django_tasks_db",
    "template_partials",
    "taggit",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "csp",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Outside the rest, so it sees every response as it leaves.
    "hub.middleware.PrivateDownloadMiddleware",
    # Counts the fragments of the whole request (STAFFROOM_FRAGMENT_STATS; off: a no-op).
    "hub.fragments.FragmentStatsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "hub.middleware.ControlCharacterMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "hub.middleware.BusyDatabaseMiddleware",
    "hub.middleware.SchoolTimezoneMiddleware",
    # Axes must come last: it turns a lockout into its own response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "hub.urls"
WSGI_APPLICATION = "hub.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "hub.context_processors.navigation",
            ],
        },
    },
]


def database(url: str) -> dict:
    return dj_database_url.parse(
        url,
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        # Health checks let the app recover by itself after a database restart.
        conn_health_checks=True,
    )


DATABASES = {"default": database(env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"))}
# Read replicas (hub/ops/db_router.py): a streaming standby of the primary. Web pages
# read from it; writes, transactions and a person's reads for a few seconds after
# their own write go to the primary. Absent: everything uses the primary.
DATABASE_REPLICA_URL = env_str("DATABASE_REPLICA_URL")
DATABASE_REPLICA_PIN_SECONDS = env_int("DATABASE_REPLICA_PIN_SECONDS", 10)
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = database(DATABASE_REPLICA_URL)
    # Tests have one database: the replica alias reads the primary's test database.
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["hub.ops.db_router.PrimaryReplicaRouter"]
    # Around the session middleware: the session is read from the database too.
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware"),
        "hub.ops.db_router.ReplicaReadsMiddleware",
    )
# PgBouncer in transaction mode (DATABASE_POOLED=1): each transaction may run on a
# different server connection, so nothing may outlive one. No server-side cursors
# (Django's .iterator() would open one and read it in later transactions), and no
# startup options: the timeouts below go on the database role instead (README).
DATABASE_POOLED = env_bool("DATABASE_POOLED", False)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Waiting on a lock beats failing at once when the worker writes too.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
    DATABASES["default"]["OPTIONS"]["transaction_mode"] = "IMMEDIATE"

# Bounded waits on PostgreSQL. A stalled request holding a lunch's row lock froze
# sign-ups to it on every server until gunicorn (30 s) killed the waiting workers: a
# web request now gives up a lock after a few seconds and is answered "busy, try again"
# (hub.middleware.BusyDatabaseMiddleware). The task worker, periodic jobs and other
# management commands (exports, imports, backups, migrations) may wait longer.
# Values are PostgreSQL durations ("5s", "2min"); "0" turns a limit off.
LONG_RUNNING_PROCESS = Path(sys.argv[0]).name == "manage.py" and sys.argv[1:2] != ["runserver"]
DATABASE_TIMEOUTS = {
    "lock_timeout": env_str("DATABASE_LOCK_TIMEOUT", "5s"),
    "statement_timeout": env_str("DATABASE_STATEMENT_TIMEOUT", "20s"),
    "idle_in_transaction_session_timeout": env_str("DATABASE_IDLE_IN_TRANSACTION_TIMEOUT", "30s"),
}
if LONG_RUNNING_PROCESS:
    DATABASE_TIMEOUTS = {
        "lock_timeout": env_str("WORKER_DATABASE_LOCK_TIMEOUT", "1min"),
        "statement_timeout": env_str("WORKER_DATABASE_STATEMENT_TIMEOUT", "10min"),
        "idle_in_transaction_session_timeout": env_str(
            "WORKER_DATABASE_IDLE_IN_TRANSACTION_TIMEOUT", "10min"
        ),
    }
for _alias in DATABASES.values():
    if _alias["ENGINE"] != "django.db.backends.postgresql":
        continue
    if DATABASE_POOLED:
        _alias["DISABLE_SERVER_SIDE_CURSORS"] = True
    else:
        # Sent when each connection opens (libpq's `options`): no query per request.
        _alias.setdefault("OPTIONS", {})["options"] = " ".join(
            f"-c {name}={value}" for name, value in DATABASE_TIMEOUTS.items()
        )

# One cache shared by every web process and the worker: Redis in production.
# Without REDIS_URL each process keeps its own memory cache; fragments are keyed
# on the school's content version read from the database, so that is still never
# stale, only less often hit.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
# What a school's staff share (the post-it wall, this week's question, lunch lists,
# edition bodies, celebrations) is rendered once per school content version
# (hub.fragments). 0 renders every fragment every time (for benchmarks).
STAFFROOM_FRAGMENT_CACHE = env_bool("STAFFROOM_FRAGMENT_CACHE", True)
# 1 adds `X-Staffroom-Fragments: hits=H misses=M` to every response (for benchmarks).
STAFFROOM_FRAGMENT_STATS = env_bool("STAFFROOM_FRAGMENT_STATS", False)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "hub.Staff"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        # Staff have no username/first_name/last_name: compare with the fields they do have.
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ("email", "full_name", "display_name")},
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "hub:home"
LOGOUT_REDIRECT_URL = "login"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24

# Login lockout: five failures lock that email from that address for 15 minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "hub.people.lockout.username_for_lockout"
AXES_VERBOSE = False

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("STAFFROOM_MEDIA_ROOT", str(BASE_DIR / "media")))
# Uploads and generated files (exports, records): the local disk (MEDIA_ROOT) by
# default; STAFFROOM_STORAGE=s3 keeps them in an S3-compatible bucket that every
# server and worker shares (README: "Shared file storage").
STAFFROOM_STORAGE = env_str("STAFFROOM_STORAGE", "local")
if STAFFROOM_STORAGE not in {"local", "s3"}:
    raise RuntimeError("STAFFROOM_STORAGE must be local or s3.")
if STAFFROOM_STORAGE == "s3":
    if not env_str("AWS_STORAGE_BUCKET_NAME"):
        raise RuntimeError("Set AWS_STORAGE_BUCKET_NAME when STAFFROOM_STORAGE is s3.")
    _FILES = {
        "BACKEND": storage.S3_BACKEND,
        "OPTIONS": storage.s3_options(
            bucket=env_str("AWS_STORAGE_BUCKET_NAME"),
            endpoint_url=env_str("AWS_S3_ENDPOINT_URL"),
            region=env_str("AWS_S3_REGION_NAME"),
            access_key=env_str("AWS_ACCESS_KEY_ID"),
            secret_key=env_str("AWS_SECRET_ACCESS_KEY"),
            location=env_str("AWS_LOCATION"),
            addressing_style=env_str("AWS_S3_ADDRESSING_STYLE"),
        ),
    }
else:
    _FILES = {"BACKEND": storage.LOCAL_BACKEND}
STORAGES = {
    "default": _FILES,
    "staticfiles": {
        "BACKEND": env_str(
            "STAFFROOM_STATIC_STORAGE",
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if not DEBUG
            else "django.contrib.staticfiles.storage.StaticFilesStorage",
        )
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 26_214_400

# Email: printed to the console by default; in production set EMAIL_BACKEND to
# django.core.mail.backends.smtp.EmailBackend and the EMAIL_HOST... values.
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# A stuck mail server must not hold a worker for ever.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Staffroom <staffroom@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Tasks: the database backend, run by `manage.py db_worker`.
TASKS = {
    "default": {
        "BACKEND": env_str("STAFFROOM_TASK_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}
# A short task (nearly all: emails, reminders) still running after this long lost its
# worker: requeue it (hub.ops.task_recovery). Long tasks register their own limit.
STAFFROOM_TASK_TIMEOUT = env_int("STAFFROOM_TASK_TIMEOUT", 300)
STAFFROOM_TASK_MAX_ATTEMPTS = env_int("STAFFROOM_TASK_MAX_ATTEMPTS", 3)

# Django 6 behaviour now: a typed address without a scheme means https.
FORMS_URLFIELD_ASSUME_HTTPS = True

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"
TAGGIT_CASE_INSENSITIVE = True
TAGGIT_TAGS_FROM_STRING = "hub.lib.tags.parse_tags"
TAGGIT_STRING_FROM_TAGS = "hub.lib.tags.format_tags"

# Content Security Policy: nothing inline, nothing third-party.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "object-src": [NONE],
        "base-uri": [SELF],
    }
}

# Permissions-Policy: no page uses a camera, microphone, location or any other
# powerful browser feature, so none may, nor anything a page might embed.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "ambient-light-sensor",
        "autoplay",
        "bluetooth",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "gamepad",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "local-fonts",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

SESSION_COOKIE_AGE = 60 * 60 * 24 * 14
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}
