"""The blog's RSS and Atom feeds, read with feedparser as a feed reader or newsletter service would."""

import datetime

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

import feedparser

from blog.feeds import FEED_LENGTH
from tests.base import SiteTestCase
from tests.factories import ImageFactory, PersonFactory, StandardPageFactory
from tests.factories.blog import BlogIndexPageFactory, BlogPageFactory, CategoryFactory, SeriesFactory


def parse(response):
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


class FeedTestCase(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.index = BlogIndexPageFactory(parent=cls.home)
        cls.target = StandardPageFactory(parent=cls.home, slug="target", title="Target")

    def setUp(self):
        # Rendered item bodies are cached by page and revision id, which the test database reuses.
        cache.clear()

    def rich_body(self, image=None):
        image = image or ImageFactory()
        return [
            ("paragraph", RichText(f'<p>See <a linktype="page" id="{self.target.pk}">the target</a>.</p>')),
            ("image", {"image": {"image": image, "decorative": False, "alt_text": "Circles"}, "caption": ""}),
        ]


class FeedContentTests(FeedTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.policy = CategoryFactory(name="Policy", slug="policy")
        cls.series = SeriesFactory(title="Key Concepts", slug="key-concepts")
        cls.people = [PersonFactory(name="David Robinson"), PersonFactory(name="Iona Lawrence")]

    def make_post(self, **fields):
        post = BlogPageFactory(parent=self.index, **fields)
        post.save_revision().publish()
        return post

    def test_rss_items_carry_everything_a_newsletter_needs(self):
        post = self.make_post(
            title="The relational neighbourhood",
            slug="the-relational-neighbourhood",
            in_brief="Connections matter as much as geography.",
            date=datetime.date(2025, 4, 30),
            authors=self.people,
            guest_author="Nick Sinclair",
            category=self.policy,
            tags=["neighbourhoods"],
            hero_image=ImageFactory(),
            body=self.rich_body(),
        )
        response = self.client.get("/blog/feed/")
        self.assertEqual(response["Content-Type"], "application/rss+xml; charset=utf-8")
        feed = parse(response)
        self.assertEqual(feed.feed.link, "http://localhost/blog/")
        [entry] = feed.entries
        self.assertEqual(entry.title, "The relational neighbourhood")
        self.assertEqual(entry.link, "http://localhost/blog/the-relational-neighbourhood/")
        self.assertEqual(entry.id, f"urn:uuid:{post.translation_key}")
        self.assertEqual(entry.published_parsed[:3], (2025, 4, 30))
        self.assertEqual(entry.author, "David Robinson, Iona Lawrence and Nick Sinclair")
        self.assertEqual([tag.term for tag in entry.tags], ["Policy", "neighbourhoods"])
        self.assertEqual(entry.summary, "Connections matter as much as geography.")

        content = entry.content[0].value
        self.assertIn('href="http://localhost/target/"', content)
        self.assertIn('src="http://localhost/media/images/', content)
        self.assertNotIn('="/', content, "every link and image URL is absolute")

        media = entry.media_content[0]
        self.assertTrue(media["url"].startswith("http://localhost/media/images/"))
        self.assertEqual((media["type"], media["width"], media["medium"]), ("image/jpeg", "1200", "image"))
        self.assertEqual(entry.enclosures[0]["href"], media["url"])
        self.assertEqual(entry.enclosures[0]["type"], "image/jpeg")

    def test_an_image_lost_from_media_storage_leaves_the_feed_readable(self):
        image = ImageFactory()
        self.make_post(title="Lost picture", hero_image=image, body=self.rich_body())
        self.assertEqual(len(parse(self.client.get("/blog/feed/")).entries[0].enclosures), 1)
        for rendition in image.renditions.all():
            rendition.file.storage.delete(rendition.file.name)
        cache.clear()
        entry = parse(self.client.get("/blog/feed/")).entries[0]
        self.assertEqual((entry.title, entry.enclosures), ("Lost picture", []))

        image.renditions.all().delete()
        image.file.storage.delete(image.file.name)
        cache.clear()
        entry = parse(self.client.get("/blog/feed/")).entries[0]
        self.assertEqual((entry.title, entry.enclosures), ("Lost picture", []))

    def test_guid_is_stable_when_a_post_is_renamed_or_moved(self):
        post = self.make_post(slug="first-name")
        guid = parse(self.client.get("/blog/feed/")).entries[0].id
        post.slug = "second-name"
        post.save_revision().publish()
        entry = parse(self.client.get("/blog/feed/")).entries[0]
        self.assertEqual(entry.link, "http://localhost/blog/second-name/")
        self.assertEqual(entry.id, guid)

    def test_atom_feed(self):
        self.make_post(
            title="In Atom", authors=self.people[:1], hero_image=ImageFactory(), body=self.rich_body()
        )
        response = self.client.get("/blog/feed/atom/")
        self.assertEqual(response["Content-Type"], "application/atom+xml; charset=utf-8")
        feed = parse(response)
        self.assertEqual(feed.version, "atom10")
        [entry] = feed.entries
        self.assertEqual(entry.title, "In Atom")
        self.assertEqual(entry.author, "David Robinson")
        self.assertIn('href="http://localhost/target/"', entry.content[0].value)
        self.assertTrue(entry.media_content[0]["url"].startswith("http://localhost/"))

    def test_twenty_newest_items(self):
        for n in range(FEED_LENGTH + 2):
            BlogPageFactory(parent=self.index, title=f"Post {n:02}", date=datetime.date(2024, 1, 1 + n))
        entries = parse(self.client.get("/blog/feed/")).entries
        self.assertEqual(len(entries), FEED_LENGTH)
        self.assertEqual(entries[0].title, "Post 21")
        self.assertEqual(entries[-1].title, "Post 02")

    def test_drafts_and_private_posts_are_absent_from_every_feed(self):
        common = {"category": self.policy, "series": self.series}
        BlogPageFactory(parent=self.index, title="Published", **common)
        BlogPageFactory(parent=self.index, title="Draft", live=False, **common)
        private = BlogPageFactory(parent=self.index, title="Private", **common)
        PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
        for url in [
            "/blog/feed/",
            "/blog/feed/atom/",
            "/blog/feed/newsletter/",
            "/blog/category/policy/feed/",
            "/blog/series/key-concepts/feed/",
        ]:
            with self.subTest(url=url):
                self.assertEqual(
                    [entry.title for entry in parse(self.client.get(url)).entries], ["Published"]
                )

    def test_category_and_series_feeds_hold_only_their_posts(self):
        BlogPageFactory(parent=self.index, title="Policy post", category=self.policy)
        BlogPageFactory(parent=self.index, title="Series post", series=self.series)
        category_feed = parse(self.client.get("/blog/category/policy/feed/"))
        self.assertEqual([entry.title for entry in category_feed.entries], ["Policy post"])
        self.assertEqual(category_feed.feed.link, "http://localhost/blog/category/policy/")
        self.assertEqual(category_feed.feed.title, "The Relationships Project — Blog: Category Policy")
        series_feed = parse(self.client.get("/blog/series/key-concepts/feed/"))
        self.assertEqual([entry.title for entry in series_feed.entries], ["Series post"])
        self.assertEqual(series_feed.feed.link, "http://localhost/blog/series/key-concepts/")

    def test_an_archive_without_posts_has_an_empty_feed_and_an_unknown_one_none(self):
        """The archive is read with its posts; an empty one is read on its own, a missing one is a 404."""
        empty = parse(self.client.get("/blog/category/policy/feed/"))
        self.assertEqual(empty.entries, [])
        self.assertEqual(empty.feed.title, "The Relationships Project — Blog: Category Policy")
        self.assertEqual(empty.feed.link, "http://localhost/blog/category/policy/")
        for url in ["/blog/category/no-such-thing/feed/", "/blog/series/no-such-thing/feed/"]:
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 404)

    def test_conditional_get_returns_304(self):
        self.make_post()
        for url in ["/blog/feed/", "/blog/feed/atom/"]:
            with self.subTest(url=url):
                first = self.client.get(url)
                self.assertEqual(first.status_code, 200)
                etag, last_modified = first["ETag"], first["Last-Modified"]
                self.assertEqual(self.client.get(url, HTTP_IF_NONE_MATCH=etag).status_code, 304)
                self.assertEqual(self.client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code, 304)

    def test_a_new_post_changes_the_validators(self):
        self.make_post(title="Older")
        etag = self.client.get("/blog/feed/")["ETag"]
        self.make_post(title="Newer")
        response = self.client.get("/blog/feed/", HTTP_IF_NONE_MATCH=etag)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(parse(response).entries[0].title, "Newer")


class FeedQueryCountTests(FeedTestCase):
    """What a feed costs in queries as the blog grows."""

    def add_posts(self, count):
        category, people = CategoryFactory(), [PersonFactory(), PersonFactory()]
        body = self.rich_body(ImageFactory())  # one body image keeps the test fast; hero images differ
        for _ in range(count):
            post = BlogPageFactory(
                parent=self.index,
                category=category,
                authors=people,
                tags=["neighbourhoods"],
                hero_image=ImageFactory(),
                body=body,
            )
            post.save_revision().publish()

    def count_queries(self, url):
        self.client.get(url)  # the first fetch makes renditions and caches each rendered body
        with CaptureQueriesContext(connection) as queries:
            self.assertEqual(self.client.get(url).status_code, 200)
        return len(queries)

    def test_at_most_three_queries_per_body_and_constant_past_twenty_posts(self):
        """Each body expands its own page links and glossary marks (three queries, the gap to a
        constant count); past the twenty posts a feed lists, nothing grows."""
        urls = ["/blog/feed/", "/blog/feed/atom/"]
        self.add_posts(5)
        five = [self.count_queries(url) for url in urls]
        self.add_posts(15)
        twenty = [self.count_queries(url) for url in urls]
        self.assertLessEqual(max(b - a for a, b in zip(five, twenty, strict=True)), 3 * 15)
        self.add_posts(10)
        self.assertEqual([self.count_queries(url) for url in urls], twenty)
