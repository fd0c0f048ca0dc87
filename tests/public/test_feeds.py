"""What the newsletter and feed readers rely on: which posts each feed holds, the lead image at the
top of every item's content, and titles that tell the feeds apart."""

from django.core.cache import cache

import feedparser
from bs4 import BeautifulSoup

from tests.base import SiteTestCase
from tests.factories import ImageFactory
from tests.factories.blog import BlogIndexPageFactory, BlogPageFactory, CategoryFactory, SeriesFactory
from tests.factories.casestudies import CaseMakerPageFactory
from tests.factories.events import EventIndexPageFactory, EventPageFactory
from tests.factories.glossary import GlossaryIndexPageFactory


def lead_image(html):
    """The attributes of the image that opens `html`, or None when it opens with anything else."""
    first = BeautifulSoup(html, "html.parser").find(True)
    if first is None or first.name != "p" or len(first.contents) != 1 or first.img is None:
        return None
    return first.img.attrs


def parse(response):
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


class NewsletterFeedTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.index = BlogIndexPageFactory(parent=cls.home)
        cls.category = CategoryFactory(name="Loneliness", slug="loneliness")
        cls.series = SeriesFactory(title="Key Concepts", slug="key-concepts")
        common = {"category": cls.category, "series": cls.series}
        BlogPageFactory(parent=cls.index, title="For everyone", **common)
        BlogPageFactory(
            parent=cls.index, title="Not for the newsletter", exclude_from_newsletter=True, **common
        )

    def titles(self, url):
        return sorted(entry.title for entry in parse(self.client.get(url)).entries)

    def test_public_feeds_keep_posts_left_out_of_the_newsletter(self):
        for url in (
            "/blog/feed/",
            "/blog/feed/atom/",
            "/blog/category/loneliness/feed/",
            "/blog/series/key-concepts/feed/",
        ):
            with self.subTest(url=url):
                self.assertEqual(self.titles(url), ["For everyone", "Not for the newsletter"])

    def test_the_newsletter_feed_leaves_them_out(self):
        response = self.client.get("/blog/feed/newsletter/")
        self.assertEqual(response["Content-Type"], "application/rss+xml; charset=utf-8")
        self.assertEqual(self.titles("/blog/feed/newsletter/"), ["For everyone"])


class LeadImageTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.blog = BlogIndexPageFactory(parent=cls.home)
        image = ImageFactory(title="circles", description="Two circles overlapping on warm paper")
        BlogPageFactory(
            parent=cls.blog, title="With hero", hero_image=image, hero_alt="People around a table"
        )
        BlogPageFactory(parent=cls.blog, title="With listing image", listing_image=image)
        BlogPageFactory(parent=cls.blog, title="Without image")
        cls.programme = EventIndexPageFactory(parent=cls.home)
        EventPageFactory(parent=cls.programme, title="Gathering", listing_image=image)

    def setUp(self):
        cache.clear()

    def contents(self, url):
        return {entry.title: entry.content[0].value for entry in parse(self.client.get(url)).entries}

    def test_lead_image_opens_the_content(self):
        contents = self.contents("/blog/feed/")
        hero = lead_image(contents["With hero"])
        self.assertIsNotNone(hero, contents["With hero"][:200])
        self.assertRegex(hero["src"], r"^http://localhost/media/images/.+\.jpg$")
        self.assertEqual((hero["width"], hero["height"]), ("1200", "630"))
        self.assertEqual(hero["alt"], "People around a table")
        listing = lead_image(contents["With listing image"])
        self.assertEqual(listing["alt"], "Two circles overlapping on warm paper")
        self.assertNotIn("<img", contents["Without image"])

    def test_atom_and_convening_items_too(self):
        self.assertIsNotNone(lead_image(self.contents("/blog/feed/atom/")["With hero"]))
        gathering = self.contents("/convenings/feed/")["Gathering"]
        self.assertIsNotNone(lead_image(gathering), gathering[:200])


class FeedTitleTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        BlogIndexPageFactory(parent=cls.home, title="Blog")
        CategoryFactory(name="Loneliness", slug="loneliness")
        SeriesFactory(title="Loneliness", slug="loneliness")
        EventIndexPageFactory(parent=cls.home, title="Convenings")
        CaseMakerPageFactory(parent=cls.home)
        GlossaryIndexPageFactory(parent=cls.home)

    def test_every_feed_has_its_own_title(self):
        urls = {
            "/blog/feed/": "The Relationships Project — Blog",
            "/blog/feed/newsletter/": "The Relationships Project — Blog: Newsletter",
            "/blog/category/loneliness/feed/": "The Relationships Project — Blog: Category Loneliness",
            "/blog/series/loneliness/feed/": "The Relationships Project — Blog: Series Loneliness",
            "/convenings/feed/": "The Relationships Project — Convenings",
            "/case-maker/feed/": "The Relationships Project — Case Maker stories",
            "/glossary/feed/": "The Relationships Project — New glossary terms",
        }
        for url, title in urls.items():
            with self.subTest(url=url):
                self.assertEqual(parse(self.client.get(url)).feed.title, title)
