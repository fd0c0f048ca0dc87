"""Reader-facing defects: stray POSTs, paginated canonicals and past convenings' reflections."""

import datetime

from django.test import Client
from django.utils import timezone

from wagtail.rich_text import RichText

from bs4 import BeautifulSoup

from tests.base import SiteTestCase
from tests.factories.blog import BlogIndexPageFactory, BlogPageFactory
from tests.factories.events import EventIndexPageFactory, EventPageFactory
from tests.factories.glossary import GlossaryIndexPageFactory


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


class StrayRequestTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.blog = BlogIndexPageFactory(parent=cls.home)
        BlogPageFactory(parent=cls.blog, slug="a-post")
        GlossaryIndexPageFactory(parent=cls.home)

    def assert_styled(self, response, status, heading):
        self.assertEqual(response.status_code, status)
        soup = soup_of(response)
        self.assertEqual(soup.find("h1").get_text(strip=True), heading)
        self.assertIsNotNone(soup.select_one("header.site-header"), "in the site's own chrome")
        self.assertIsNotNone(soup.find("link", rel="stylesheet"))

    def test_post_to_a_page_without_a_form_is_a_styled_405(self):
        strict = Client(enforce_csrf_checks=True)
        for client in (strict, self.client):  # without a token, and with one
            for path in ("/", "/blog/", "/blog/a-post/", "/blog/feed/", "/blog/2024/"):
                with self.subTest(path=path, csrf=client is strict):
                    response = client.post(path, {"anything": "x"})
                    self.assert_styled(response, 405, "This page cannot take that request")
                    self.assertEqual(response["Allow"], "GET, HEAD, OPTIONS")
        self.assertEqual(self.client.put("/blog/a-post/").status_code, 405)
        self.assertEqual(self.client.get("/blog/a-post/").status_code, 200)

    def test_post_without_a_token_to_an_address_no_page_serves_is_a_403_not_a_500(self):
        strict = Client(enforce_csrf_checks=True)
        response = strict.post("/documents/1/report.pdf%00", {"anything": "x"})
        self.assert_styled(response, 403, "This form has expired")
        # An address nothing answers is a 404 before any token is checked.
        for path in ("/blog/a-post%00/", "/blog/a-post/%00"):
            with self.subTest(path=path):
                self.assertEqual(strict.post(path, {"anything": "x"}).status_code, 404)

    def test_form_sent_without_its_token_is_a_styled_403(self):
        response = Client(enforce_csrf_checks=True).post("/glossary/suggest/", {"term": "Kindness"})
        self.assert_styled(response, 403, "This form has expired")

    def test_endpoints_outside_the_page_tree_keep_their_plain_405(self):
        response = self.client.get("/csp-report/")
        self.assertEqual((response.status_code, response.content, response["Allow"]), (405, b"", "POST"))


class PaginatedCanonicalTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.blog = BlogIndexPageFactory(parent=cls.home)
        for n in range(25):
            BlogPageFactory(parent=cls.blog, date=datetime.date(2024, 1, 1) + datetime.timedelta(days=n))
        programme = EventIndexPageFactory(parent=cls.home)
        for n in range(14):
            EventPageFactory(
                parent=programme, start=timezone.now() - datetime.timedelta(days=10 + n), publish=False
            )

    def canonical(self, path):
        return soup_of(self.client.get(path)).find("link", rel="canonical")["href"]

    def test_page_n_is_its_own_canonical(self):
        self.assertEqual(self.canonical("/blog/?page=2"), "http://localhost/blog/?page=2")
        self.assertEqual(self.canonical("/blog/?page=3&utm_source=x"), "http://localhost/blog/?page=3")
        self.assertEqual(
            self.canonical("/convenings/past/?page=2"), "http://localhost/convenings/past/?page=2"
        )

    def test_first_and_junk_pages_point_at_the_listing(self):
        for query in ("", "?page=1", "?page=abc"):
            with self.subTest(query=query):
                self.assertEqual(self.canonical("/blog/" + query), "http://localhost/blog/")
        self.assertEqual(self.canonical("/blog/?page=99"), "http://localhost/blog/?page=3")


class PastConveningReflectionTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        programme = EventIndexPageFactory(parent=cls.home)
        ago = timezone.now() - datetime.timedelta(days=30)
        cls.written = EventPageFactory(
            parent=programme,
            title="Written up",
            start=ago,
            reflections=[("paragraph", RichText("<p>What we learned.</p>"))],
        )
        cls.posted = EventPageFactory(parent=programme, title="Reflected in a post", start=ago)
        cls.quiet = EventPageFactory(parent=programme, title="Nothing yet", start=ago)
        cls.drafted = EventPageFactory(parent=programme, title="Only a draft post", start=ago)
        blog = BlogIndexPageFactory(parent=cls.home)
        BlogPageFactory(parent=blog, related_convening=cls.posted)
        BlogPageFactory(parent=blog, related_convening=cls.drafted, live=False)

    def flagged(self, path):
        cards = soup_of(self.client.get(path)).select(".event-card")
        return {
            card.select_one(".card__title").get_text(strip=True): "Reflections"
            in [status.get_text(strip=True) for status in card.select(".event-status")]
            for card in cards
        }

    def test_past_listings_say_which_convenings_have_reflections(self):
        expected = {
            "Written up": True,
            "Reflected in a post": True,
            "Nothing yet": False,
            "Only a draft post": False,
        }
        self.assertEqual(self.flagged("/convenings/past/"), expected)
        recent = self.flagged("/convenings/")
        self.assertEqual(recent, {title: expected[title] for title in recent})
        self.assertEqual(len(recent), 3)
