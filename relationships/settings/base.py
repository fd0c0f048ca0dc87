"""Settings shared by every environment; safe for production by default.

Everything that differs between machines comes from environment variables.
"""

import os
from pathlib import Path

from .database import database_settings
from .environment import env_bool, env_list
from .security import *  # noqa: F403

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "relationships"

DEBUG = env_bool("DEBUG")
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "core",
    "home",
    "blog",
    "events",
    "casestudies",
    "glossary",
    "search",
    "map",
    "editorial",
    "heatmap",
    "wordpress",
    "newsletter",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.table_block",
    "wagtail.contrib.frontend_cache",
    "wagtail_modeladmin",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.PermissionsPolicyMiddleware",
    "core.middleware.SiteCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Text responses are compressed here: below WhiteNoise, which serves its own pre-compressed static
    # files; above the page cache, which keeps one uncompressed copy for every visitor whatever
    # their Accept-Encoding; above ConditionalGet, whose ETag is the uncompressed body's (gzip makes
    # it weak, and If-None-Match compares weakly, so 304s still work compressed or not).
    "core.middleware.TextGZipMiddleware",
    "wordpress.middleware.WordPressQueryRedirectMiddleware",
    # A page-cache hit answers here, before sessions, CSRF, auth and the view (see core.page_cache).
    "core.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # ETag/Last-Modified → 304 for pages and feeds (feed readers re-fetch often).
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "editorial.middleware.SerialPageSavesMiddleware",
    # Lookups shared by every rich-text field and URL of one render (see core.render_memo).
    "core.render_memo.RenderMemoMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "core.middleware.StyledMethodNotAllowedMiddleware",
    # Answers a locked-out sign-in with the lockout page (django-axes); last, as axes asks.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "relationships.urls"
WSGI_APPLICATION = "relationships.wsgi.application"

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
                "core.chrome.site_settings_context",
            ],
        },
    },
]

# Database: SQLite file in the checkout unless DATABASE_URL says otherwise; every wait is bounded.
DATABASES = {
    "default": database_settings(os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"))
}
DATABASE_RETRY_SECONDS = float(os.environ.get("DATABASE_RETRY_SECONDS", "2"))
if os.environ.get("TEST_DATABASE_NAME"):
    DATABASES["default"]["TEST"] = {"NAME": os.environ["TEST_DATABASE_NAME"]}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set, per-process memory otherwise. The content generation that
# retires cached pages on every edit (core.page_cache) must be one number for all workers, so
# without Redis it lives in a small file every local worker reads. Whole pages (tens of KB each)
# are kept apart from the small entries of the default cache (rate limits), so that neither
# crowds the other out of a bounded cache. A Redis that is down or slow answers within the socket
# timeouts below and pages are then rendered uncached.
if os.environ.get("REDIS_URL"):
    REDIS_CACHE = {
        "BACKEND": "core.page_cache.ResilientRedisCache",
        "LOCATION": os.environ["REDIS_URL"],
        "KEY_PREFIX": "relationships",
        "TIMEOUT": 600,
        "OPTIONS": {
            "socket_connect_timeout": float(os.environ.get("REDIS_CONNECT_TIMEOUT", "0.25")),
            "socket_timeout": float(os.environ.get("REDIS_TIMEOUT", "0.25")),
        },
    }
    CACHES = {"default": REDIS_CACHE, "pages": REDIS_CACHE, "generation": REDIS_CACHE}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "relationships",
            "TIMEOUT": 600,
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "relationships-pages",
            "TIMEOUT": 600,
            "OPTIONS": {"MAX_ENTRIES": 500},  # 30–60 KB each
        },
        "generation": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("GENERATION_CACHE_DIR", str(BASE_DIR / ".cache" / "generation")),
            "TIMEOUT": None,
        },
    }

if env_bool("CACHES_OFF"):  # benchmarks of the bare render: nothing is ever kept
    CACHES = {alias: {"BACKEND": "django.core.cache.backends.dummy.DummyCache"} for alias in CACHES}

# Full-page cache for anonymous visitors (0 turns it off): the server and CDNs keep pages this
# long, browsers revalidate each time; everything cached is retired when content changes.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))

# A CDN in front of the site is told to drop pages on publish: Cloudflare with
# FRONTEND_CACHE_CLOUDFLARE_ZONEID and _BEARER_TOKEN, or any cache that accepts HTTP PURGE
# (Varnish, nginx) at FRONTEND_CACHE_PURGE_URL.
if os.environ.get("FRONTEND_CACHE_CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE = {
        "cloudflare": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": os.environ["FRONTEND_CACHE_CLOUDFLARE_ZONEID"],
            "BEARER_TOKEN": os.environ.get("FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN", ""),
        }
    }
elif os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE = {
        "http": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
        }
    }
# Listings outside the page tree that change whenever a page is published.
FRONTEND_CACHE_ALSO_PURGE = (
    "/blog/feed/",
    "/blog/feed/atom/",
    "/blog/feed/newsletter/",
    "/convenings/feed/",
    "/convenings/calendar.ics",
    "/case-maker/feed/",
    "/case-maker/feed/atom/",
    "/glossary/feed/",
    "/sitemap.xml",
)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
SERVE_MEDIA = env_bool("SERVE_MEDIA")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    # S3-compatible media; credentials and endpoint come from the AWS_* variables.
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }
# Files under their hashed names are cached for good whatever this says; this is for the few
# requested by their plain names, which change in place on a deploy.
WHITENOISE_MAX_AGE = 3600

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "website@relationshipsproject.org")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# The Relationships Heatmap: anonymous results are deleted after this many months by the
# `prune_heatmap_results` command; starting a result or group is limited per address (shared cache).
HEATMAP_RETENTION_MONTHS = int(os.environ.get("HEATMAP_RETENTION_MONTHS", "24"))
HEATMAP_START_RATE = os.environ.get("HEATMAP_START_RATE", "30/h")

# Public forms post a handful of fields; the admin's page editor needs many more.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Wagtail
WAGTAIL_SITE_NAME = "The Relationships Project"
# The public address, e.g. https://www.relationshipsproject.org: `migrate` and `set_site_url` write it
# to the default Site, from which every absolute link is built (see core.site_url).
SITE_URL = os.environ.get("SITE_URL", "")
SITE_URL_CHECK = False
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
# No Gravatar: editors' email hashes stay private and the admin loads no third-party images.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
if os.environ.get("SEARCH_BACKEND_URL"):
    # A site that outgrows its database's full-text search points this at OpenSearch (needs the
    # opensearch-py package) or Elasticsearch (SEARCH_BACKEND=wagtail.search.backends.elasticsearch8
    # and the elasticsearch package), then runs `make reindex`.
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": os.environ.get("SEARCH_BACKEND", "wagtail.search.backends.opensearch3"),
            "URLS": env_list("SEARCH_BACKEND_URL"),
            "INDEX_PREFIX": os.environ.get("SEARCH_INDEX_PREFIX", "relationships_"),
            "TIMEOUT": int(os.environ.get("SEARCH_BACKEND_TIMEOUT", "5")),
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {
        # Wagtail's database backend (SQLite FTS5 or PostgreSQL full text, picked by itself) with
        # titles weighted on SQLite; on PostgreSQL, English stemming lets "convening" find "convenings".
        "default": {"BACKEND": "search.backends", "SEARCH_CONFIG": "english"},
    }
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Always serve documents through Django, so collection privacy is enforced whatever the storage,
# and always as downloads (with nosniff and `default-src 'none'` from Wagtail's view).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
# Wagtail's upload forms, plus a check that each file is whole and what its name says.
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.upload_forms.CheckedImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "core.upload_forms.CheckedDocumentForm"
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# Changing a published page's slug or moving it leaves a permanent redirect from the old address.
WAGTAILREDIRECTS_AUTO_CREATE = True
# Days of search counts kept for the search terms report; older ones go when
# `searchpromotions_garbage_collect` runs (daily, see the README).
WAGTAILSEARCH_HITS_MAX_AGE = 90
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "avif", "webp": "webp"}
