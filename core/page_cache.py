"""The site's one cache: whole anonymous pages and feeds, all retired together on any content change.

Everything caching knows lives here: what may be stored, the names it is stored under, the content
*generation* that retires it, the signals that bump the generation, the CDN purge and the
`Cache-Control`/`ETag`/`Last-Modified` headers. The rest of the code renders pages and never builds
a cache key.

One rule a reader can hold in their head: any publish, unpublish, move or deletion of a page, and
any save or deletion of a snippet, image, document, setting, site, restriction or search promotion,
bumps the site-wide generation, so every stored page and feed is stale from then on. A small
charity's site is edited a few times a week and read far more often; re-rendering each page once
after an edit costs little, while knowing which pages list which (a post shows on its index, the
home page, three feeds, a calendar, its author's page and every glossary term it mentions) is easy
to get wrong. The generation is kept in the "generation" cache, which every worker of every machine
reads (Redis, or without Redis a small file every local worker reads).

wagtail-cache (the CodeRed page cache) would be the library for this, but its releases require
Wagtail < 8, it clears the whole cache backend on every publish (which would also empty the rate
limits kept there) and it has no protection against a stampede; hence this module.
"""

import hashlib
import logging
import re
import time
from functools import cache

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag
from django.utils.http import http_date, parse_http_date_safe

from wagtail.signals import page_published, page_unpublished, post_page_move

from redis.exceptions import RedisError

from .content_signals import content_changed

logger = logging.getLogger(__name__)

GENERATION_KEY = "content-generation"
# Where responses depend on the visitor or the query (search), or are never pages.
UNCACHED_PREFIXES = (
    "/admin/",
    "/search/",
    "/documents/",
    "/health/",
    "/csp-report/",
    "/static/",
    "/media/",
    "/share/",
)
# Cookies that mean the visitor may see something personal (a session, a flash message, a form token).
PERSONAL_COOKIES = ("sessionid", "messages", "csrftoken")
UNCACHEABLE_CONTROL = re.compile(r"\b(private|no-store|no-cache)\b")
# A render slower than this is given up on by the requests waiting for it; they render themselves.
RENDER_WAIT_SECONDS = 2.0
WAIT_STEP_SECONDS = 0.05
# How long a worker holds the right to render a missed page (longer than any sane render).
RENDER_LOCK_SECONDS = 30
WARNING_INTERVAL_SECONDS = 60
# After a cache call fails, this process leaves the cache alone for this long: a Redis that hangs
# makes every call wait out the socket timeout, and one request makes several.
CACHE_RETRY_SECONDS = 10
_last_warning = [0.0]
_retry_at = [0.0]


def warn_unavailable(error):
    """Log a cache outage at most once a minute: every request meets it, the log needs it once."""
    now = time.monotonic()
    if now - _last_warning[0] >= WARNING_INTERVAL_SECONDS:
        _last_warning[0] = now
        logger.warning("Cache unavailable, pages are served uncached: %s", error)


class ResilientRedisCache(RedisCache):
    """Django's Redis cache for which a Redis that is down or slow (past the socket timeouts in
    settings) is a miss, logged at most once a minute, never an error: Wagtail and this module read
    the cache on every request, and a page must then render uncached rather than fail. After a
    failure the cache is not tried for CACHE_RETRY_SECONDS, so a request waits one timeout at most."""

    def _safely(self, method, fallback, *args, **kwargs):
        if time.monotonic() < _retry_at[0]:
            return fallback
        return self._try(method, fallback, *args, **kwargs)

    def _try(self, method, fallback, *args, **kwargs):
        try:
            return getattr(super(), method)(*args, **kwargs)
        except RedisError as error:
            _retry_at[0] = time.monotonic() + CACHE_RETRY_SECONDS
            warn_unavailable(error)
            return fallback

    def get(self, key, default=None, version=None):
        return self._safely("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._safely("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._safely("has_key", False, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._safely("add", False, key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._safely("set", None, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._safely("set_many", list(data), data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._safely("touch", False, key, timeout, version)

    def incr(self, key, delta=1, version=None):
        # Tried even in the pause: it retires cached pages after an edit, which must reach a Redis
        # that is back, or other workers would serve the pages from before the edit.
        return self._try("incr", None, key, delta, version)

    def delete(self, key, version=None):
        return self._safely("delete", False, key, version)

    def delete_many(self, keys, version=None):
        return self._safely("delete_many", None, keys, version)

    def clear(self):
        return self._safely("clear", False)


def generation():
    """The current content generation, the same in every worker process.

    A fresh count starts from the clock, not from 1: a counter lost (evicted, or its cache cleared)
    must never return to a number whose pages may still be stored. None when the cache is down.
    """
    shared = caches["generation"]
    value = shared.get(GENERATION_KEY)
    if value is None:
        shared.add(GENERATION_KEY, time.time_ns(), timeout=None)
        value = shared.get(GENERATION_KEY)
    return value  # None only when the cache is unavailable


def _incr():
    # With Redis down the edit is still saved (and the outage logged); pages cached before the
    # outage may then be served until they expire.
    try:
        caches["generation"].incr(GENERATION_KEY)
    except ValueError:
        caches["generation"].set(GENERATION_KEY, time.time_ns(), timeout=None)


def bump_generation(**kwargs):
    """Retire every cached page and feed; connected to every signal that changes public content.

    Bumped at once and again when the transaction commits, so a page rendered from the old rows
    while the edit was being committed is not kept under the new generation.
    """
    _incr()
    transaction.on_commit(_incr)


# What retires cached pages


@cache
def is_public_content(model):
    """Whether saving or deleting a `model` row can change a public page: pages, snippets, settings,
    media, sites, restrictions and promoted search results, and the inline rows they are edited with."""
    # Model imports wait for the first call: CoreConfig imports this module while apps are loading.
    from modelcluster.fields import ParentalKey
    from wagtail.contrib.search_promotions.models import SearchPromotion
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.documents.models import AbstractDocument
    from wagtail.images.models import AbstractImage
    from wagtail.models import Page, PageViewRestriction, Site
    from wagtail.snippets.models import get_snippet_models

    bases = (
        Page,
        Site,
        PageViewRestriction,
        AbstractImage,
        AbstractDocument,
        BaseGenericSetting,
        BaseSiteSetting,
        SearchPromotion,
    )
    if issubclass(model, bases) or model in get_snippet_models():
        return True
    return any(
        isinstance(field, ParentalKey)
        and not issubclass(field.related_model, Page)
        and is_public_content(field.related_model)
        for field in model._meta.fields
    )


def content_saved(sender, **kwargs):
    from wagtail.models import Page

    # A page's own saves are drafts until published, which page_published covers.
    if not issubclass(sender, Page) and is_public_content(sender):
        bump_generation()


def content_deleted(sender, **kwargs):
    if is_public_content(sender):
        bump_generation()


def page_changed(sender, instance, **kwargs):
    bump_generation()
    purge_frontend_cache(instance)


def purge_frontend_cache(page):
    """Ask the CDN to drop the page and the pages that list it (its parent, home, the feeds)."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    # Wagtail's frontend_cache app purges the page itself; add the pages that list it.
    batch = PurgeBatch()
    parent = page.get_parent()
    if parent is not None and parent.depth > 1:
        batch.add_page(parent)
    site = page.get_site()
    if site is not None:
        batch.add_page(site.root_page)
        batch.add_urls(site.root_url + path for path in settings.FRONTEND_CACHE_ALSO_PURGE)
    batch.purge()


def content_changed_elsewhere(sender, pages=(), urls=(), **kwargs):
    """Content changed by a path Wagtail's signals do not see (see `core.content_signals`)."""
    bump_generation()
    for page in pages:
        purge_frontend_cache(page)
    if urls and getattr(settings, "WAGTAILFRONTENDCACHE", None):
        from wagtail.contrib.frontend_cache.utils import PurgeBatch

        PurgeBatch(urls).purge()


def connect_signals():
    """Wire the invalidation rule; called once from the app's `ready()`."""
    content_changed.connect(content_changed_elsewhere, dispatch_uid="page_cache_content_changed")
    post_save.connect(content_saved, dispatch_uid="page_cache_saved")
    post_delete.connect(content_deleted, dispatch_uid="page_cache_deleted")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(page_changed, dispatch_uid=f"page_cache_{id(signal)}")


# What is stored, under which name, with which headers


def cacheable_request(request):
    if request.method not in ("GET", "HEAD") or not settings.PAGE_CACHE_SECONDS:
        return False
    if request.path.startswith(UNCACHED_PREFIXES) or "preview" in request.GET:
        return False
    return not any(name in request.COOKIES for name in PERSONAL_COOKIES)


def storable(request, response):
    """Only plain public 200s that set nothing personal and were not marked private on the way."""
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not getattr(request, "is_preview", False)
        and not UNCACHEABLE_CONTROL.search(response.get("Cache-Control", ""))
        # A CSP nonce in the markup must be fresh for every response.
        and not isinstance(getattr(request, "_csp_nonce", None), str)
    )


def cache_names(request):
    """The names of a request's stored page and of the right to render it. One entry per address
    (not per generation), so a new generation overwrites the old copy instead of piling up."""
    address = f"{request.method}:{request.get_host()}:{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"page:{digest}", f"page-render:{digest}"


def add_public_headers(response):
    """Browsers revalidate every time (a 304 when nothing changed, so an edit shows at once);
    CDNs keep the page for PAGE_CACHE_SECONDS and are purged on publish."""
    patch_cache_control(
        response, public=True, max_age=0, must_revalidate=True, s_maxage=settings.PAGE_CACHE_SECONDS
    )
    if not response.has_header("ETag"):
        set_response_etag(response)
    response.setdefault("Last-Modified", http_date())


def add_personal_headers(request, response):
    """Nothing shown to a visitor with a session may be kept by any cache: a signed-in editor, or a
    reader who gave a private page's password. Private pages are reached with a session only (anyone
    else gets the password form, which sets a CSRF cookie, or a login redirect), so no page is ever
    stored that Wagtail's own view-restriction check would not show to everyone."""
    if "sessionid" in request.COOKIES or getattr(getattr(request, "user", None), "is_authenticated", False):
        patch_cache_control(response, private=True, no_store=True)
        if "public" in response.get("Cache-Control", ""):
            response["Cache-Control"] = "private, no-store"


def conditional(request, response):
    """A stored page answers If-None-Match and If-Modified-Since itself: feed readers re-fetching an
    unchanged feed get their 304 without the view running."""
    return get_conditional_response(
        request,
        etag=response.get("ETag"),
        last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
        response=response,
    )


class PageCacheMiddleware:
    """Answer anonymous GET/HEAD requests for public pages and feeds from the shared cache.

    Placed right after WhiteNoise, a hit skips sessions, CSRF, authentication, messages, URL
    routing and the view: two cache reads. On a miss one worker renders the page while the others
    serve the previous copy, or wait briefly for the new one when there is none (no stampede). When
    the cache does not answer, pages are rendered uncached and the outage is logged.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request):
            response = self.get_response(request)
            add_personal_headers(request, response)
            return response
        current = generation()
        if current is None:
            return self.get_response(request)
        pages = caches["pages"]
        key, render_key = cache_names(request)
        stored = pages.get(key)
        if stored is not None and stored[0] == current:
            return self.hit(request, stored[1], "hit")
        if pages.add(render_key, current, timeout=RENDER_LOCK_SECONDS):
            try:
                return self.render(request, key, current)
            finally:
                pages.delete(render_key)
        if stored is not None:
            return self.hit(request, stored[1], "stale")
        deadline = time.monotonic() + RENDER_WAIT_SECONDS
        while time.monotonic() < deadline and pages.get(render_key) is not None:
            time.sleep(WAIT_STEP_SECONDS)
            stored = pages.get(key)
            if stored is not None and stored[0] == current:
                return self.hit(request, stored[1], "hit")
        return self.render(request, key, current)

    @staticmethod
    def hit(request, response, state):
        response["X-Page-Cache"] = state
        return conditional(request, response)

    def render(self, request, key, current):
        response = self.get_response(request)
        if storable(request, response):
            add_public_headers(response)
            caches["pages"].set(key, (current, response), timeout=settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        else:
            add_personal_headers(request, response)
        return response
