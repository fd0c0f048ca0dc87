"""Test settings: fast hashing, isolated media and cache."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403

SECRET_KEY = "test-only-not-secret"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="relationships-test-media-")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests-pages"},
    # As in the embedded default: a file every process reads, here fresh for each run.
    "generation": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": tempfile.mkdtemp(prefix="relationships-test-generation-"),
        "TIMEOUT": None,
    },
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
WHITENOISE_AUTOREFRESH = True
# Tests build and roll back sites without signals; the cache tests switch these on themselves.
PAGE_CACHE_SECONDS = 0
# Django's test client signs in without a request, which django-axes refuses; the lockout tests
# (tests/security/test_login_lockout.py) turn it on.
AXES_ENABLED = False
# Wagtail's page test helpers sign in with the first backend, which must be able to load the user;
# Axes' backend only guards sign-ins, and the lockout tests put it back in front.
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend", "axes.backends.AxesStandaloneBackend"]
# On SQLite the browser tests' live server and the tests share the database from several threads. An
# in-memory test database gives them one connection with table-level locks, which a busy timeout
# cannot wait out ("database table is locked"); a file locks and waits as the site's own database does.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(Path(tempfile.mkdtemp(prefix="relationships-test-db-")) / "test.sqlite3")
    }
