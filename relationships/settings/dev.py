"""Local development: debug on by default, a throwaway key, mail to the console."""

import contextlib

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "dev-only-not-secret-relationships-site"  # noqa: F405
ALLOWED_HOSTS = ALLOWED_HOSTS or ["localhost", "127.0.0.1"]  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
SERVE_MEDIA = True

with contextlib.suppress(ImportError):
    from .local import *  # noqa: F403
