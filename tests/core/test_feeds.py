"""The shared feed base, exercised with standard pages under the home page."""

from django.test import RequestFactory, override_settings
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.rich_text import RichText

import feedparser

from core.feeds import MediaAtomFeed, PageFeed, absolutise, with_feed_images
from core.models import StandardPage
from tests.base import SiteTestCase
from tests.factories import ImageFactory, StandardPageFactory


class StandardPageFeed(PageFeed):
    def items(self):
        return with_feed_images(
            StandardPage.objects.live().public().order_by("-first_published_at"), "listing_image"
        )


class AtomStandardPageFeed(StandardPageFeed):
    feed_type = MediaAtomFeed


def rss_view(request):
    from home.models import HomePage

    return StandardPageFeed(HomePage.objects.get())(request)


urlpatterns = [path("test-feed/", rss_view), path("", include(wagtail_urls))]


@override_settings(ROOT_URLCONF="tests.core.test_feeds")
class PageFeedTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.target = StandardPageFactory(parent=cls.home, slug="target", title="Target")
        cls.post = StandardPageFactory(
            parent=cls.home,
            slug="with-image",
            title="With image",
            listing_image=ImageFactory(),
            body=[
                (
                    "paragraph",
                    RichText(f'<p>See <a linktype="page" id="{cls.target.pk}">the target</a>.</p>'),
                )
            ],
        )
        StandardPageFactory(parent=cls.home, slug="draft", title="Secret draft", live=False)

    def test_feed_is_valid_with_absolute_content_and_media(self):
        response = self.client.get("/test-feed/")
        self.assertEqual(response["Content-Type"], "application/rss+xml; charset=utf-8")
        feed = feedparser.parse(response.content)
        self.assertFalse(feed.bozo, feed.get("bozo_exception"))
        titles = [entry.title for entry in feed.entries]
        self.assertIn("With image", titles)
        self.assertNotIn("Secret draft", titles)
        entry = next(e for e in feed.entries if e.title == "With image")
        self.assertIn('href="http://localhost/target/"', entry.content[0].value)
        self.assertTrue(entry.media_content[0]["url"].startswith("http://localhost/"))
        self.assertEqual(entry.media_content[0]["width"], "1200")
        self.assertEqual(entry.enclosures[0]["type"], "image/jpeg")
        self.assertTrue(entry.id.startswith("urn:uuid:"))

    def test_body_is_one_chunk_for_the_server_to_write(self):
        # WSGI servers write each chunk of the response iterable separately.
        self.assertEqual(len(list(self.client.get("/test-feed/"))), 1)

    def test_conditional_get_returns_304(self):
        first = self.client.get("/test-feed/")
        self.assertIn("Last-Modified", first)
        self.assertIn("ETag", first)
        again = self.client.get("/test-feed/", HTTP_IF_NONE_MATCH=first["ETag"])
        self.assertEqual(again.status_code, 304)
        since = self.client.get("/test-feed/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
        self.assertEqual(since.status_code, 304)

    def test_atom_variant_is_valid(self):
        request = RequestFactory().get("/atom/")
        response = AtomStandardPageFeed(self.home)(request)
        feed = feedparser.parse(response.content)
        self.assertFalse(feed.bozo)
        entry = next(e for e in feed.entries if e.title == "With image")
        self.assertIn("http://localhost/target/", entry.content[0].value)


def test_absolutise_rewrites_links_images_and_srcsets():
    html = '<a href="/a/">a</a><img src="/i.jpg" srcset="/i-1.jpg 1x, /i-2.jpg 2x"><a href="https://x.org/">x</a>'
    result = absolutise(html, "https://example.org/")
    assert 'href="https://example.org/a/"' in result
    assert 'src="https://example.org/i.jpg"' in result
    assert 'srcset="https://example.org/i-1.jpg 1x, https://example.org/i-2.jpg 2x"' in result
    assert 'href="https://x.org/"' in result
