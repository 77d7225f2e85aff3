"""Test settings: the real settings with fast hashing, in-memory mail, tasks run at once."""

from hub.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    **STORAGES,  # noqa: F405
    # The local disk whatever the environment says; tests/storage/ runs on a bucket too.
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The whole suite runs with the fragment cache on, so any test that reads a page,
# changes something and reads it again also checks that the change reached it.
# One process: a memory cache is shared by the test and the live server threads.
STAFFROOM_FRAGMENT_CACHE = True
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    }
}
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
# Serve static files straight from the finders; no collectstatic before tests.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# A test-only app whose concrete contributions stand in for the features, so
# hub's leaders' tools (scoping, moderation queue, flags, celebrations,
# dashboard, digest, profiles) are tested without the feature apps.
INSTALLED_APPS = [  # noqa: F405
    *INSTALLED_APPS,  # noqa: F405
    "tests.leaders_app.apps.LeadersAppConfig",
]

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not shared-cache memory: SQLite's busy timeout only applies to a
    # file, and the concurrency tests race real connections against each other.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / ".test-db.sqlite3")}  # noqa: F405
    # A throwaway database needs no durability: without a sync to disk on every
    # commit, transactional and browser tests stop waiting on the disk.
    DATABASES["default"]["OPTIONS"]["init_command"] = "PRAGMA synchronous=OFF;"  # noqa: F405

if (
    DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"  # noqa: F405
    and not DATABASE_POOLED  # noqa: F405  (PgBouncer refuses startup options)
):
    # The same for PostgreSQL: a commit does not wait for the write-ahead log to reach
    # the disk (a crash could lose the last commits, never corrupt the database).
    DATABASES["default"]["OPTIONS"]["options"] += " -c synchronous_commit=off"  # noqa: F405
