"""Responsive images: AVIF and WebP in several widths, always sized, lazy below the fold only.

Listing cards render exactly the renditions listings fetch (core.listings.CARD_IMAGE_SPECS), so
a listing makes no query per image; the image that opens a page (a hero, a story's picture, the
first card of the blog) loads at once with high priority, since it is usually the largest paint.
"""

import datetime

from django.core.cache import cache
from django.template.loader import render_to_string

from wagtail.images.rect import Rect

from bs4 import BeautifulSoup

from core.listings import CARD_IMAGE_SPECS, attach_images
from core.models import StandardPage
from tests.base import SiteTestCase
from tests.factories import ImageFactory
from tests.factories.blog import BlogIndexPageFactory, BlogPageFactory
from tests.realistic_site import build_realistic_site


def soup_of(html):
    return BeautifulSoup(html, "html.parser")


class CardImageTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.image = ImageFactory()

    def setUp(self):
        cache.clear()  # Wagtail keeps renditions in the cache too, past the rollback of earlier tests

    def render(self, image, **context):
        return soup_of(render_to_string("includes/card_image.html", {"image": image, **context}))

    def test_a_card_renders_only_the_prefetched_renditions(self):
        self.render(self.image)  # creates the renditions, as the first visitor would
        cache.clear()  # count the prefetch alone
        [page] = attach_images([StandardPage(listing_image_id=self.image.pk)])
        image = page.listing_image
        self.assertEqual(
            sorted(rendition.filter_spec for rendition in image.prefetched_renditions),
            sorted(CARD_IMAGE_SPECS),
        )
        with self.assertNumQueries(0):
            self.render(image)

    def test_a_cached_card_follows_edits_to_its_image(self):
        before = self.render(self.image).img["src"]
        with self.assertNumQueries(0):
            self.assertEqual(self.render(self.image).img["src"], before)
        # A new focal point crops differently: saving the image starts a new content generation.
        self.image.set_focal_point(Rect(0, 0, 10, 10))
        self.image.save()
        self.assertNotEqual(self.render(self.image).img["src"], before)

    def test_a_card_offers_avif_then_webp_in_two_widths(self):
        picture = self.render(self.image).picture
        source = picture.source
        self.assertEqual(source["type"], "image/avif")
        self.assertRegex(source["srcset"], r"\.avif 400w, .*\.avif 800w$")
        img = picture.img
        self.assertRegex(img["src"], r"\.webp$")
        self.assertRegex(img["srcset"], r"\.webp 400w, .*\.webp 800w$")
        self.assertEqual(source["sizes"], img["sizes"])
        self.assertEqual((img["width"], img["height"]), ("400", "250"))
        self.assertEqual(img["loading"], "lazy")
        self.assertNotIn("fetchpriority", img.attrs)

    def test_an_eager_card_loads_at_once_with_high_priority(self):
        img = self.render(self.image, eager=True).img
        self.assertNotIn("loading", img.attrs)
        self.assertEqual(img["fetchpriority"], "high")

    def test_the_avif_rendition_is_really_avif(self):
        rendition = self.image.get_rendition(CARD_IMAGE_SPECS[0])
        with rendition.file.open("rb") as file:
            header = file.read(12)
        self.assertEqual(header[4:12], b"ftypavif")


class PageImageTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.pages = dict(build_realistic_site(cls.home))

    def images(self, name):
        html = self.client.get(self.pages[name], HTTP_HOST="localhost").content
        return soup_of(html).select("main img")

    def test_every_image_is_sized_and_offers_modern_formats(self):
        for name in self.pages:
            for img in self.images(name):
                with self.subTest(page=name, src=img["src"]):
                    self.assertTrue(img.get("width") and img.get("height"))
                    types = [source["type"] for source in img.parent.find_all("source")]
                    self.assertEqual(img.parent.name, "picture")
                    self.assertIn("image/avif", types)
                    self.assertRegex(img["src"], r"\.(webp|jpg)$")

    def test_the_opening_image_loads_at_once_and_the_rest_lazily(self):
        for name in ("home", "blog post", "story"):
            with self.subTest(page=name):
                first, *rest = self.images(name)
                self.assertNotIn("loading", first.attrs)
                self.assertEqual(first["fetchpriority"], "high")
                for img in rest:
                    self.assertEqual(img.get("loading"), "lazy", img)


class BlogIndexImageTests(SiteTestCase):
    def test_the_first_card_loads_at_once_and_the_rest_lazily(self):
        blog = BlogIndexPageFactory(parent=self.home)
        for _ in range(3):
            BlogPageFactory(parent=blog, listing_image=ImageFactory())
        first, *rest = soup_of(self.client.get(blog.url).content).select("main img")
        self.assertEqual(first["fetchpriority"], "high")
        self.assertNotIn("loading", first.attrs)
        self.assertEqual([img["loading"] for img in rest], ["lazy", "lazy"])

    def test_with_featured_posts_only_the_first_featured_card_loads_at_once(self):
        blog = BlogIndexPageFactory(parent=self.home)
        for featured in (True, False, False):
            BlogPageFactory(parent=blog, listing_image=ImageFactory(), featured=featured)
        soup = soup_of(self.client.get(blog.url).content)
        self.assertEqual(soup.select_one(".blog-featured img")["fetchpriority"], "high")
        self.assertEqual([img["loading"] for img in soup.select(".blog-posts img")], ["lazy", "lazy"])

    def test_an_archive_opens_with_its_first_card_at_once(self):
        blog = BlogIndexPageFactory(parent=self.home)
        for day in (1, 2):
            BlogPageFactory(
                parent=blog, listing_image=ImageFactory(), featured=True, date=datetime.date(2024, 5, day)
            )
        year_archive = f"{blog.url}2024/"
        first, second = soup_of(self.client.get(year_archive).content).select("main img")
        self.assertEqual((first.get("fetchpriority"), second.get("loading")), ("high", "lazy"))
