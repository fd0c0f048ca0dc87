"""Site-wide caching that follows content: one generation number, a full-page cache and shared lookups.

Every cached thing (whole pages, the site record, settings, the menu and footer, the list of
private sections, glossary definitions, the pages each address passes through, the lists pages show
(home sections, related posts, archive links, facet counts, each page of a listing, each search's
results, the sitemap) and rendered fragments (bodies, cards, feed items)) is keyed by a
*generation* number that every worker reads from the "generation" cache (Redis, or a file when the
pages themselves are kept in each worker's memory), once per request. Any edit that can change what
a public page shows (publishing, unpublishing, moving or deleting a page, saving a snippet, a
setting, a menu or a search promotion) bumps the number, so everything cached before it is simply
never read again and expires on its own.

Why one number for the whole site rather than tracking which pages list which: a small charity's
site is edited a few times a week and read far more often, so the cost of re-rendering every page
once after an edit is small, while the alternative (knowing that a post appears on its index, the
home page, three feeds, a calendar, its author's page and every glossary term it mentions) is easy
to get wrong and leaves stale pages when it is. The cascade to parents, home, feeds, calendars and
glossary terms is automatic.
"""

import hashlib
import re
import time
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache, caches
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import parse_http_date_safe

GENERATION_KEY = "content-generation"
MISSING = object()
# Where responses depend on the visitor or the query (search), or are never pages.
UNCACHED_PREFIXES = ("/admin/", "/search/", "/documents/", "/health/", "/csp-report/", "/static/", "/media/")
# Cookies that mean the visitor may see something personal (a session, a flash message, a form token).
PERSONAL_COOKIES = ("sessionid", "messages", "csrftoken")
UNCACHEABLE_CONTROL = re.compile(r"\b(private|no-store|no-cache)\b")
# The generation a public request read first, which the rest of it keeps to (see `one_generation`).
_pinned_generation = ContextVar("pinned_generation", default=None)


def generation():
    """The current content generation, the same in every worker process.

    A fresh count starts from the clock, not from 1: a counter lost (evicted, or its cache cleared)
    must never return to a number whose entries may still be stored.
    """
    pinned = _pinned_generation.get()
    if pinned is not None:
        return pinned
    shared = caches["generation"]
    value = shared.get(GENERATION_KEY)
    if value is None:
        fresh = time.time_ns()
        shared.add(GENERATION_KEY, fresh, timeout=None)
        value = shared.get(GENERATION_KEY, fresh)
    return value


@contextmanager
def one_generation():
    """Read the generation once for everything inside: a public request asks for it on every
    cached lookup and fragment (each a file or Redis read), and one answer keeps them consistent."""
    token = _pinned_generation.set(generation())
    try:
        yield
    finally:
        _pinned_generation.reset(token)


def _incr():
    try:
        caches["generation"].incr(GENERATION_KEY)
    except ValueError:
        caches["generation"].set(GENERATION_KEY, time.time_ns(), timeout=None)


def bump_generation(**kwargs):
    """Retire everything cached so far; connected to every signal that changes public content.

    Bumped at once and again when the transaction commits, so a page rendered from the old rows
    while the edit was being committed is not kept under the new generation.
    """
    _pinned_generation.set(None)
    _incr()
    transaction.on_commit(_incr)


def per_generation(name, compute, valid_until=None):
    """`compute()`'s result, computed once per content generation and shared by every worker.

    Only for what every visitor may see: computed from live, public pages and never from a preview.
    `valid_until(value)`, when given, is the moment the value goes out of date without any edit
    (the next of the listed convenings to end); it is computed afresh from then on.
    """
    # Names may carry what visitors typed (an address, a search) of any length and character.
    key = f"gen:{generation()}:{hashlib.sha256(name.encode()).hexdigest()}"
    value = cache.get(key, MISSING)
    if value is MISSING:
        value = compute()
        timeout = settings.PAGE_CACHE_LOOKUP_SECONDS
        if valid_until is not None and timeout:
            until = valid_until(value)
            if until is not None:
                timeout = min(timeout, max(0, (until - timezone.now()).total_seconds()))
        cache.set(key, value, timeout=timeout)
    return value


def per_page(request, page, name, compute):
    """`per_generation` for what follows a page's own fields (its chosen links, tags, featured items).

    A preview renders a draft whose fields may differ from the published page's, so it computes
    its own value and shares nothing.
    """
    if getattr(request, "is_preview", False):
        return compute()
    return per_generation(f"{name}:{page.pk}", compute)


def private_paths():
    """Tree paths of the sections with view restrictions, shared instead of queried on each `.public()`."""
    from wagtail.models import PageViewRestriction

    return per_generation(
        "private-paths",
        lambda: sorted({r.page.path for r in PageViewRestriction.objects.select_related("page")}),
    )


def is_private(page):
    return any(page.path.startswith(path) for path in private_paths())


def get_view_restrictions(page, original):
    """`Page.get_view_restrictions` without queries for the (usual) page outside any private section."""
    from wagtail.models import PageViewRestriction

    if page.alias_of_id is None and not is_private(page):
        return PageViewRestriction.objects.none()
    return original(page)


def private_q(queryset):
    """Replacement for `PageQuerySet.private_q` that reads the shared list of private sections."""
    q = Q()
    for path in private_paths():
        q |= Q(path__startswith=path)
    return q if q else Q(pk__in=[])


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
        and not getattr(request, "is_private_page", False)
        and not getattr(request, "is_preview", False)
        and not UNCACHEABLE_CONTROL.search(response.get("Cache-Control", ""))
        # A CSP nonce in the markup must be fresh for every response.
        and not isinstance(getattr(request, "_csp_nonce", None), str)
    )


def page_cache_key(request):
    return f"page:{generation()}:{request.method}:{request.get_host()}:{request.get_full_path()}"


class PageCacheMiddleware:
    """Answer anonymous GET/HEAD requests for public pages and feeds from the shared cache.

    Placed right after WhiteNoise, a hit skips sessions, CSRF, authentication, messages, URL
    routing and the view: one cache read. Responses carry CDN-friendly Cache-Control headers.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request):
            return self.get_response(request)
        key = page_cache_key(request)
        response = caches["pages"].get(key)
        if response is not None:
            response["X-Page-Cache"] = "hit"
            # ConditionalGetMiddleware sits behind this one, so hits answer If-None-Match and
            # If-Modified-Since here: feed readers re-fetching an unchanged feed get their 304.
            return get_conditional_response(
                request,
                etag=response.get("ETag"),
                last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
                response=response,
            )
        response = self.get_response(request)
        if storable(request, response):
            patch_cache_control(
                response,
                public=True,
                max_age=settings.PAGE_CACHE_BROWSER_SECONDS,
                s_maxage=settings.PAGE_CACHE_SECONDS,
                stale_while_revalidate=settings.PAGE_CACHE_STALE_SECONDS,
            )
            caches["pages"].set(key, response, timeout=settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response


class SharedLookupsMiddleware:
    """Give each public request one content generation, and the site and settings from the shared
    cache instead of three queries."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/admin/"):
            return self.get_response(request)
        with one_generation():
            if settings.PAGE_CACHE_LOOKUP_SECONDS:
                self.attach(request)
            return self.get_response(request)

    @staticmethod
    def attach(request):
        from wagtail.models import Site

        from home.models import NavigationSettings, SiteSettings

        def find_site():
            site = Site._find_for_request(request)
            if site is not None:
                site.root_page.specific  # noqa: B018 - cached with the site so routing starts warm
            return site

        request._wagtail_site = per_generation(f"site:{request.get_host()}", find_site)
        for model in (SiteSettings, NavigationSettings):
            setattr(
                request, model.get_cache_attr_name(), per_generation(model.__name__, model._get_or_create)
            )
