"""Compressed pages and feeds keep validators and caches right, and media served by the app is
kept by browsers."""

import gzip
import tempfile
from pathlib import Path

from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from core.middleware import TextGZipMiddleware
from relationships.urls import MEDIA_MAX_AGE, serve_media
from tests.base import SiteTestCase
from tests.factories import paragraph_body
from tests.factories.blog import BlogIndexPageFactory, BlogPageFactory

GZIP = {"Accept-Encoding": "gzip, deflate, br"}


class CompressionTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.blog = BlogIndexPageFactory(parent=cls.home)
        post = BlogPageFactory(
            parent=cls.blog, slug="long", body=paragraph_body("Relationships matter. " * 200)
        )
        post.save_revision().publish()

    def assert_compressed_with_validators(self, url):
        plain = self.client.get(url)
        packed = self.client.get(url, headers=GZIP)
        self.assertEqual(plain.status_code, 200)
        self.assertNotIn("Content-Encoding", plain)
        self.assertEqual(packed["Content-Encoding"], "gzip")
        self.assertEqual(gzip.decompress(packed.content), plain.content)
        self.assertLess(len(packed.content), len(plain.content))
        # Caches keep the two apart, and the ETag names the same content, weakly once compressed.
        for response in (plain, packed):
            self.assertIn("Accept-Encoding", response["Vary"])
        self.assertEqual(packed["ETag"], "W/" + plain["ETag"].removeprefix("W/"))
        # Either validator revalidates either representation.
        for etag in (plain["ETag"], packed["ETag"]):
            self.assertEqual(self.client.get(url, headers={**GZIP, "If-None-Match": etag}).status_code, 304)
            self.assertEqual(self.client.get(url, headers={"If-None-Match": etag}).status_code, 304)

    def test_pages_and_feeds(self):
        for url in ("/blog/long/", "/blog/", "/blog/feed/", "/sitemap.xml"):
            with self.subTest(url=url):
                self.assert_compressed_with_validators(url)

    @override_settings(PAGE_CACHE_SECONDS=600, PAGE_CACHE_LOOKUP_SECONDS=600)
    def test_pages_from_the_page_cache(self):
        for url in ("/blog/long/", "/blog/feed/"):
            with self.subTest(url=url):
                self.client.get(url, headers=GZIP)  # a compressed first visit fills the cache
                self.assert_compressed_with_validators(url)

    def test_binary_responses_are_left_alone(self):
        request = RequestFactory().get("/media/picture.png", headers=GZIP)
        for content_type, compressed in (("image/png", False), ("text/calendar; charset=utf-8", True)):
            middleware = TextGZipMiddleware(
                lambda request, content_type=content_type: HttpResponse(
                    b"0" * 2000, content_type=content_type
                )
            )
            with self.subTest(content_type=content_type):
                self.assertEqual(middleware(request).has_header("Content-Encoding"), compressed)


class MediaLifetimeTests(SiteTestCase):
    def test_media_served_by_the_app_is_cached_for_a_year(self):
        with tempfile.TemporaryDirectory() as root:
            Path(root, "picture.jpg").write_bytes(b"\xff\xd8\xff" + b"0" * 1000)
            response = serve_media(
                RequestFactory().get("/media/picture.jpg"), path="picture.jpg", document_root=root
            )
            self.assertEqual(response.status_code, 200)
            self.assertIn(f"max-age={MEDIA_MAX_AGE}", response["Cache-Control"])
            self.assertIn("public", response["Cache-Control"])
