"""A rich-text link to a page that is not live keeps its words but not its address, on public
pages and in feeds, so that nothing unpublished is pointed at."""

from django.core.cache import cache

from wagtail.rich_text import RichText

import feedparser

from tests.base import SiteTestCase
from tests.factories import StandardPageFactory
from tests.factories.blog import BlogIndexPageFactory, BlogPageFactory


def linking_body(*pages):
    links = " and ".join(f'<a linktype="page" id="{page.pk}">{page.title} link</a>' for page in pages)
    return [("paragraph", RichText(f"<p>See {links}.</p>"))]


class UnpublishedLinkTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.live = StandardPageFactory(parent=cls.home, title="Live", slug="live-page")
        cls.draft = StandardPageFactory(parent=cls.home, title="Draft", slug="secret-draft", live=False)
        cls.unpublished = StandardPageFactory(parent=cls.home, title="Withdrawn", slug="withdrawn-page")
        cls.unpublished.unpublish()
        blog = BlogIndexPageFactory(parent=cls.home)
        body = linking_body(cls.live, cls.draft, cls.unpublished)
        cls.post = BlogPageFactory(parent=blog, slug="linking-post", body=body)
        cls.page = StandardPageFactory(parent=cls.home, slug="linking-page", body=body)

    def setUp(self):
        super().setUp()
        cache.clear()

    def assert_only_live_addresses(self, html):
        self.assertIn('href="/live-page/"', html)
        for words in ("Draft link", "Withdrawn link", "Live link"):
            self.assertIn(words, html)
        for slug in ("secret-draft", "withdrawn-page"):
            self.assertNotIn(slug, html)

    def test_pages_show_only_the_words_of_links_to_pages_that_are_not_live(self):
        for url in ("/linking-page/", "/blog/linking-post/"):
            with self.subTest(url=url):
                self.assert_only_live_addresses(self.client.get(url).content.decode())

    def test_feeds_show_only_the_words_of_links_to_pages_that_are_not_live(self):
        for url in ("/blog/feed/", "/blog/feed/atom/"):
            with self.subTest(url=url):
                [entry] = feedparser.parse(self.client.get(url).content).entries
                content = entry.get("content", [{}])[0].get("value") or entry.summary
                self.assertIn("/live-page/", content)
                self.assertIn("Draft link", content)
                self.assertNotIn("secret-draft", content)
                self.assertNotIn("withdrawn-page", content)
