"""The full-page cache: hits skip the view, content changes retire it, personal responses never enter it."""

import threading
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.core.cache.backends.filebased import FileBasedCache
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from blog.models import BlogPageRelatedPost
from core import page_cache
from core.models import SiteSettings, StandardPage
from core.page_cache import GENERATION_KEY, bump_generation, cache_names, generation
from tests.base import SiteTestCase
from tests.factories import ImageFactory, StandardPageFactory
from tests.factories.blog import BlogIndexPageFactory, BlogPageFactory, SeriesFactory
from tests.fault_servers import hung_listener

CACHE_ON = {"PAGE_CACHE_SECONDS": 600, "ROOT_URLCONF": "tests.core.test_page_cache"}


def cookie_setting_view(request):
    response = HttpResponse("Your choice is remembered.")
    response.set_cookie("chosen", "yes")
    return response


urlpatterns = [path("cookie-setting/", cookie_setting_view), path("", include(wagtail_urls))]


@override_settings(**CACHE_ON)
class PageCacheTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.page = StandardPageFactory(parent=cls.home, slug="about", title="About us")

    def setUp(self):
        for alias in settings.CACHES:
            caches[alias].clear()

    def warm(self, url):
        """The first visit, which renders the page and stores it."""
        return self.client.get(url)

    def test_second_request_is_a_hit_without_queries(self):
        first = self.warm("/about/")
        self.assertEqual(first["X-Page-Cache"], "miss")
        with self.assertNumQueries(0):
            hit = self.client.get("/about/")
        self.assertEqual(hit["X-Page-Cache"], "hit")
        self.assertEqual(hit.content, first.content)
        # Browsers revalidate every time; CDNs keep the page for the server's own lifetime.
        for directive in ("public", "max-age=0", "must-revalidate", "s-maxage=600"):
            self.assertIn(directive, hit["Cache-Control"].split(", "))
        self.assertEqual((hit["ETag"], hit["Last-Modified"]), (first["ETag"], first["Last-Modified"]))
        # The outer security middleware still runs on a hit.
        self.assertIn("Content-Security-Policy", hit)

    def test_hits_answer_conditional_requests_with_304(self):
        first = self.warm("/about/")
        with self.assertNumQueries(0):
            by_etag = self.client.get("/about/", HTTP_IF_NONE_MATCH=first["ETag"])
        self.assertEqual(by_etag.status_code, 304)
        self.assertEqual(self.client.get("/about/", HTTP_IF_NONE_MATCH='"other"').status_code, 200)

    def test_publishing_retires_cached_pages(self):
        self.client.get("/about/")
        self.page.title = "About the project"
        self.page.save_revision().publish()
        response = self.client.get("/about/")
        self.assertEqual(response["X-Page-Cache"], "miss")
        self.assertContains(response, "About the project")

    def test_an_edit_in_another_worker_retires_this_workers_pages(self):
        """Each worker keeps pages in its own memory, but the generation they are keyed by is shared."""
        self.warm("/about/")
        # Another worker publishes: the rows change without a signal in this process...
        StandardPage.objects.filter(pk=self.page.pk).update(title="About the project")
        self.assertNotContains(self.client.get("/about/"), "About the project")
        # ...and bumps the generation through its own handle on the shared generation cache.
        FileBasedCache(settings.CACHES["generation"]["LOCATION"], {}).incr(GENERATION_KEY)
        response = self.client.get("/about/")
        self.assertEqual(response["X-Page-Cache"], "miss")
        self.assertContains(response, "About the project")

    def test_unpublishing_retires_cached_pages(self):
        self.client.get("/about/")
        self.page.unpublish()
        self.assertEqual(self.client.get("/about/").status_code, 404)

    def test_settings_changes_retire_cached_pages(self):
        self.client.get("/about/")
        settings = SiteSettings.load()
        settings.organisation_name = "Relationships Project Renamed"
        settings.save()
        self.assertContains(self.client.get("/about/"), "Relationships Project Renamed")

    def test_drafts_are_not_served_from_cache(self):
        self.client.get("/about/")
        self.page.title = "Draft title"
        self.page.save_revision()
        self.assertNotContains(self.client.get("/about/"), "Draft title")

    def test_private_pages_are_never_cached(self):
        PageViewRestriction.objects.create(page=self.page, restriction_type="password", password="secret")
        first = self.client.get("/about/")
        self.assertEqual(first.status_code, 200)  # the password form
        self.assertNotIn("X-Page-Cache", first)
        self.assertNotIn("X-Page-Cache", self.client.get("/about/"))

    def test_visitors_with_personal_cookies_bypass_the_cache(self):
        self.client.get("/about/")
        for name in ("sessionid", "messages", "csrftoken"):
            with self.subTest(cookie=name):
                self.client.cookies.clear()
                self.client.cookies[name] = "x"
                self.assertNotIn("X-Page-Cache", self.client.get("/about/"))

    def test_search_admin_and_previews_are_not_cached(self):
        for url in ("/search/?q=about", "/about/?preview=1", "/admin/login/"):
            with self.subTest(url=url):
                self.client.get(url)
                self.assertNotEqual(self.client.get(url).get("X-Page-Cache"), "hit")

    def test_responses_that_set_cookies_are_not_stored(self):
        for _ in range(2):
            response = self.client.get("/cookie-setting/")
            self.assertIn("chosen", response.cookies)
            self.assertNotIn("X-Page-Cache", response)

    def test_feeds_are_cached(self):
        from tests.factories.blog import BlogIndexPageFactory

        BlogIndexPageFactory(parent=self.home)
        self.warm("/blog/feed/")
        with self.assertNumQueries(0):
            self.assertEqual(self.client.get("/blog/feed/")["X-Page-Cache"], "hit")

    def test_signed_in_visitors_get_private_no_store(self):
        user = get_user_model().objects.create_user("reader", password="x")
        self.client.force_login(user)
        response = self.client.get("/about/")
        self.assertNotIn("X-Page-Cache", response)
        directives = response["Cache-Control"].split(", ")
        self.assertIn("private", directives)
        self.assertIn("no-store", directives)
        self.assertNotIn("public", directives)

    def test_a_snippet_or_image_change_retires_cached_pages(self):
        BlogIndexPageFactory(parent=self.home)
        self.warm("/blog/feed/")
        ImageFactory()
        self.assertEqual(self.client.get("/blog/feed/")["X-Page-Cache"], "miss")
        self.assertEqual(self.client.get("/blog/feed/")["X-Page-Cache"], "hit")
        SeriesFactory()
        self.assertEqual(self.client.get("/blog/feed/")["X-Page-Cache"], "miss")


@override_settings(**CACHE_ON)
class StampedeTests(SiteTestCase):
    """While one worker renders a missed page, the others serve the previous copy or wait for it."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.page = StandardPageFactory(parent=cls.home, slug="about", title="About us")

    def setUp(self):
        for alias in settings.CACHES:
            caches[alias].clear()
        self.key, self.render_key = cache_names(RequestFactory().get("/about/"))

    def another_worker_renders(self):
        caches["pages"].add(self.render_key, 1, timeout=30)

    def test_the_previous_copy_is_served_while_another_worker_renders(self):
        first = self.client.get("/about/")
        bump_generation()
        self.another_worker_renders()
        with self.assertNumQueries(0):
            stale = self.client.get("/about/")
        self.assertEqual(stale["X-Page-Cache"], "stale")
        self.assertEqual(stale.content, first.content)

    def test_without_a_copy_a_request_waits_for_the_other_workers_render(self):
        self.another_worker_renders()
        rendered = HttpResponse("Rendered by the other worker")
        store = threading.Timer(0.2, lambda: caches["pages"].set(self.key, (generation(), rendered)))
        store.start()
        self.addCleanup(store.cancel)
        with self.assertNumQueries(0):
            response = self.client.get("/about/")
        self.assertEqual(
            (response["X-Page-Cache"], response.content), ("hit", b"Rendered by the other worker")
        )


def redis_caches(location, timeout):
    """Every cache in Redis at `location`, waiting at most `timeout` seconds on it."""
    return {
        alias: {
            "BACKEND": "core.page_cache.ResilientRedisCache",
            "LOCATION": location,
            "OPTIONS": {"socket_connect_timeout": timeout, "socket_timeout": timeout},
        }
        for alias in ("default", "pages", "generation")
    }


# Nothing listens on port 9: Redis is down.
@override_settings(PAGE_CACHE_SECONDS=600, CACHES=redis_caches("redis://127.0.0.1:9/0", 0.2))
class CacheOutageTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.page = StandardPageFactory(parent=cls.home, slug="about", title="About us")

    def setUp(self):
        self.forget_outages()

    @staticmethod
    def forget_outages():
        """As in a fresh worker: no outage logged or waited out yet."""
        page_cache._last_warning[0] = -page_cache.WARNING_INTERVAL_SECONDS
        page_cache._retry_at[0] = 0.0

    def test_pages_render_uncached_and_the_outage_is_logged_once(self):
        with self.assertLogs("core.page_cache", "WARNING") as logs:
            for _ in range(3):
                response = self.client.get("/about/")
                self.assertContains(response, "About us")
                self.assertNotIn("X-Page-Cache", response)
        self.assertEqual(len(logs.records), 1)

    def test_a_redis_that_hangs_costs_a_request_one_timeout_at_most(self):
        """Redis accepting connections and never answering makes every cache call wait out the
        socket timeout; a request makes several (generation, page, Wagtail's own lookups)."""
        timeout = 1
        with self.settings(CACHES=redis_caches("redis://127.0.0.1:9/0", timeout)):
            self.client.get("/about/")  # templates and Python's own caches are warm from here on
            started = time.monotonic()
            self.assertContains(self.client.get("/about/"), "About us")
            render = time.monotonic() - started
        self.forget_outages()
        with hung_listener() as port:
            hung = redis_caches(f"redis://127.0.0.1:{port}/0", timeout)
            with self.settings(CACHES=hung), self.assertLogs("core.page_cache", "WARNING") as logs:
                for _ in range(3):
                    started = time.monotonic()
                    response = self.client.get("/about/")
                    self.assertContains(response, "About us")
                    self.assertLess(time.monotonic() - started, render + timeout + 0.5)
        self.assertEqual(len(logs.records), 1)

    def test_an_edit_is_saved_while_the_cache_is_down(self):
        self.page.title = "About the project"
        self.page.save_revision().publish()
        self.assertContains(self.client.get("/about/"), "About the project")


@override_settings(PAGE_CACHE_SECONDS=0)
class PreviewTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        blog = BlogIndexPageFactory(parent=cls.home)
        cls.post = BlogPageFactory(parent=blog, title="Warm webs")
        cls.published_pick = BlogPageFactory(parent=blog, title="Published pick")
        cls.draft_pick = BlogPageFactory(parent=blog, title="Draft pick")
        BlogPageRelatedPost.objects.create(page=cls.post, post=cls.published_pick)

    def test_previews_show_the_draft_and_the_public_page_does_not(self):
        draft = self.post.get_latest_revision_as_object()
        draft.related_links.clear()
        draft.related_links.add(BlogPageRelatedPost(post=self.draft_pick))
        draft.body = [("paragraph", RichText("<p>Words still in draft.</p>"))]
        draft.save_revision()
        for _ in range(2):
            preview = self.post.get_latest_revision_as_object().make_preview_request()
            self.assertContains(preview, "Draft pick")
            self.assertContains(preview, "Words still in draft.")
            with self.settings(PAGE_CACHE_SECONDS=600):
                public = self.client.get(self.post.url)
            self.assertContains(public, "Published pick")
            self.assertNotContains(public, "Draft pick")
            self.assertNotContains(public, "Words still in draft.")


@override_settings(PAGE_CACHE_SECONDS=600)
class SitemapTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        StandardPageFactory(parent=cls.home, slug="about", title="About us")

    def test_sitemap_page_numbers_however_spelled_and_bad_numbers_are_404(self):
        first = self.client.get("/sitemap.xml?p=1")
        self.assertContains(first, "/about/")
        self.assertEqual(self.client.get("/sitemap.xml?p=001").content, first.content)
        for number in ("abc", "0", "99"):
            self.assertEqual(self.client.get(f"/sitemap.xml?p={number}").status_code, 404, number)
