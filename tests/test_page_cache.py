"""The full-page cache: hits skip the view, content changes retire it, personal responses never enter it."""

import datetime

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.filebased import FileBasedCache
from django.http import HttpResponse
from django.test import override_settings
from django.urls import include, path
from django.utils import timezone

from wagtail import urls as wagtail_urls
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from blog.models import BlogPageRelatedPost
from home.models import SiteSettings, StandardPage
from home.page_cache import GENERATION_KEY, bump_generation, generation, one_generation, per_generation
from tests.base import SiteTestCase
from tests.factories import StandardPageFactory
from tests.factories_blog import BlogIndexPageFactory, BlogPageFactory

CACHE_ON = {
    "PAGE_CACHE_SECONDS": 600,
    "PAGE_CACHE_LOOKUP_SECONDS": 3600,
    "ROOT_URLCONF": "tests.test_page_cache",
}


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
        cache.clear()

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
        self.assertIn("s-maxage=600", hit["Cache-Control"])
        self.assertIn("stale-while-revalidate", hit["Cache-Control"])
        self.assertIn("public", hit["Cache-Control"])
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
        from tests.factories_blog import BlogIndexPageFactory

        BlogIndexPageFactory(parent=self.home)
        self.warm("/blog/feed/")
        with self.assertNumQueries(0):
            self.assertEqual(self.client.get("/blog/feed/")["X-Page-Cache"], "hit")


@override_settings(PAGE_CACHE_SECONDS=0, PAGE_CACHE_LOOKUP_SECONDS=3600)
class SharedListTests(SiteTestCase):
    """Lists computed once per content generation (related posts, home sections) and shared by all."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        blog = BlogIndexPageFactory(parent=cls.home)
        cls.post = BlogPageFactory(parent=blog, title="Warm webs")
        cls.published_pick = BlogPageFactory(parent=blog, title="Published pick")
        cls.draft_pick = BlogPageFactory(parent=blog, title="Draft pick")
        BlogPageRelatedPost.objects.create(page=cls.post, post=cls.published_pick)

    def setUp(self):
        cache.clear()

    def test_previews_neither_read_nor_fill_the_shared_lists(self):
        draft = self.post.get_latest_revision_as_object()
        draft.related_links.clear()
        draft.related_links.add(BlogPageRelatedPost(post=self.draft_pick))
        draft.save_revision()
        for _ in range(2):
            preview = self.post.get_latest_revision_as_object().make_preview_request()
            self.assertContains(preview, "Draft pick")
            self.assertNotContains(preview, "Published pick")
            public = self.client.get(self.post.url)
            self.assertContains(public, "Published pick")
            self.assertNotContains(public, "Draft pick")

    def test_publishing_retires_the_shared_lists(self):
        self.assertContains(self.client.get(self.post.url), "Published pick")
        self.published_pick.unpublish()
        self.assertNotContains(self.client.get(self.post.url), "Published pick")

    def test_previews_render_the_draft_body_never_the_cached_one(self):
        self.assertContains(self.client.get(self.post.url), "the first mile")
        draft = self.post.get_latest_revision_as_object()
        draft.body = [("paragraph", RichText("<p>Words still in draft.</p>"))]
        draft.save_revision()
        preview = self.post.get_latest_revision_as_object().make_preview_request()
        self.assertContains(preview, "Words still in draft.")
        self.assertNotContains(preview, "the first mile")
        self.assertContains(self.client.get(self.post.url), "the first mile")

        self.post.get_latest_revision().publish()
        self.assertContains(self.client.get(self.post.url), "Words still in draft.")

    def test_listing_pages_and_searches_follow_content(self):
        listing, results = self.client.get("/blog/"), self.client.get("/search/?q=webs")
        self.assertContains(listing, "Warm webs")
        self.assertContains(results, "Warm <mark>webs</mark>")
        with self.assertNumQueries(0):
            self.client.get("/blog/")

        self.post.title = "Warm webs renamed"
        self.post.save_revision().publish()
        self.assertContains(self.client.get("/blog/"), "Warm webs renamed")
        self.assertContains(self.client.get("/search/?q=webs"), "Warm <mark>webs</mark> renamed")

        self.post.unpublish()
        self.assertNotContains(self.client.get("/blog/"), "Warm webs")
        self.assertNotContains(self.client.get("/search/?q=webs"), "Warm <mark>webs</mark>")

    def test_a_new_promotion_shows_on_a_search_already_cached(self):
        self.assertNotContains(self.client.get("/search/?q=webs"), "Published pick")
        query = Query.get("webs")
        SearchPromotion.objects.create(
            query=query, page=self.published_pick, sort_order=0, description="Picked"
        )
        self.assertContains(self.client.get("/search/?q=webs"), "Published pick")

    def test_a_request_keeps_to_the_generation_it_read_first_unless_it_edits(self):
        other_worker = FileBasedCache(settings.CACHES["generation"]["LOCATION"], {})
        before = generation()
        with one_generation():
            other_worker.incr(GENERATION_KEY)
            self.assertEqual(generation(), before)
            bump_generation()
            self.assertGreater(generation(), before + 1)
        self.assertGreater(generation(), before + 1)

    def test_lists_that_go_out_of_date_with_the_clock_are_recomputed_then(self):
        computed = []

        def compute():
            computed.append(1)
            return len(computed)

        def ended(value):
            return timezone.now() - datetime.timedelta(seconds=1)

        self.assertEqual([per_generation("clock", compute, ended) for _ in range(2)], [1, 2])
        self.assertEqual([per_generation("no-clock", compute) for _ in range(2)], [3, 3])


@override_settings(PAGE_CACHE_SECONDS=0, PAGE_CACHE_LOOKUP_SECONDS=3600)
class SitemapCacheTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        StandardPageFactory(parent=cls.home, slug="about", title="About us")

    def test_sitemap_pages_are_one_entry_however_spelled_and_bad_numbers_are_404(self):
        first = self.client.get("/sitemap.xml?p=1")
        self.assertEqual(first.status_code, 200)
        self.assertContains(first, "/about/")
        with self.assertNumQueries(0):
            self.assertEqual(self.client.get("/sitemap.xml?p=001").content, first.content)
        for number in ("abc", "0", "99"):
            self.assertEqual(self.client.get(f"/sitemap.xml?p={number}").status_code, 404, number)
