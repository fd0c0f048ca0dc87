"""SITE_URL: the public address every absolute link is built from, whatever host a request used."""

import re
from io import StringIO
from urllib.parse import unquote

from django.core.checks import run_checks
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import TestCase, override_settings

from wagtail.models import Site

import feedparser
from bs4 import BeautifulSoup
from icalendar import Calendar

from casestudies.templatetags.casestudies_tags import qr_svg
from core.site_url import apply_site_url, parse_site_url
from tests.base import SiteTestCase
from tests.factories import ImageFactory
from tests.factories.blog import BlogIndexPageFactory, BlogPageFactory
from tests.factories.casestudies import CaseMakerPageFactory, CaseStudyPageFactory
from tests.factories.events import EventIndexPageFactory, EventPageFactory

PUBLIC = "https://www.relationshipsproject.org"
ABSOLUTE = re.compile(r"""(?:https?|webcal)://[^\s"'<>)]+""")


def absolute_urls(text):
    """Every absolute address in `text`, but not XML namespaces or third-party share services."""
    ignored = ("http://purl.org/", "http://search.yahoo.com/", "http://www.w3.org/", "https://schema.org")
    found = ABSOLUTE.findall(text)
    return [url for url in found if not url.startswith(ignored)]


class ParseTests(TestCase):
    def test_addresses_a_site_record_can_hold(self):
        self.assertEqual(
            parse_site_url("https://www.relationshipsproject.org"), ("www.relationshipsproject.org", 443)
        )
        self.assertEqual(parse_site_url("http://127.0.0.1:8000/"), ("127.0.0.1", 8000))
        self.assertEqual(parse_site_url("http://example.org"), ("example.org", 80))

    def test_addresses_it_cannot(self):
        for url in (
            "ftp://example.org",
            "example.org",
            "https://example.org/blog/",
            "https://example.org:8443",
        ):
            with self.subTest(url=url), self.assertRaises(ImproperlyConfigured):
                parse_site_url(url)


class ApplyTests(SiteTestCase):
    def test_command_writes_the_address_to_the_default_site(self):
        out = StringIO()
        with override_settings(SITE_URL=PUBLIC):
            call_command("set_site_url", stdout=out)
        site = Site.objects.get(is_default_site=True)
        self.assertEqual(
            (site.hostname, site.port, site.root_url), ("www.relationshipsproject.org", 443, PUBLIC)
        )
        self.assertIn("now points at https://www.relationshipsproject.org", out.getvalue())
        call_command("set_site_url", "http://127.0.0.1:8000", stdout=out)
        self.assertEqual(Site.objects.get(is_default_site=True).root_url, "http://127.0.0.1:8000")

    def test_command_refuses_a_bad_or_missing_address(self):
        with self.assertRaises(CommandError):
            call_command("set_site_url", "https://example.org/path/", stdout=StringIO())
        with override_settings(SITE_URL=""), self.assertRaises(CommandError):
            call_command("set_site_url", stdout=StringIO())
        self.assertEqual(Site.objects.get(is_default_site=True).hostname, "localhost")

    def test_migrate_applies_it(self):
        with override_settings(SITE_URL=PUBLIC):
            call_command("migrate", "core", verbosity=0)
        self.assertEqual(Site.objects.get(is_default_site=True).root_url, PUBLIC)

    def test_nothing_happens_without_it(self):
        with override_settings(SITE_URL=""):
            self.assertIsNone(apply_site_url())
        self.assertEqual(Site.objects.get(is_default_site=True).hostname, "localhost")


class CheckTests(SiteTestCase):
    def check_ids(self):
        return [message.id for message in run_checks() if message.id.startswith("core.")]

    @override_settings(SITE_URL_CHECK=True, SITE_URL="")
    def test_production_warns_about_localhost(self):
        self.assertEqual(self.check_ids(), ["core.W001"])

    @override_settings(SITE_URL_CHECK=True, SITE_URL=PUBLIC)
    def test_production_warns_when_the_site_differs(self):
        self.assertEqual(self.check_ids(), ["core.W002"])
        apply_site_url()
        self.assertEqual(self.check_ids(), [])

    @override_settings(SITE_URL_CHECK=True, SITE_URL="https://example.org/path")
    def test_production_refuses_a_bad_address(self):
        self.assertEqual(self.check_ids(), ["core.E001"])

    @override_settings(SITE_URL_CHECK=False, SITE_URL="")
    def test_development_is_quiet(self):
        self.assertEqual(self.check_ids(), [])


@override_settings(SITE_URL=PUBLIC)
class AbsoluteUrlTests(SiteTestCase):
    """Requested at the test client's own host, every link still leads to the public address."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        apply_site_url(PUBLIC)
        image = ImageFactory()
        cls.blog = BlogIndexPageFactory(parent=cls.home)
        cls.post = BlogPageFactory(parent=cls.blog, slug="first-mile", hero_image=image, social_image=image)
        cls.post.save_revision().publish()
        cls.programme = EventIndexPageFactory(parent=cls.home)
        cls.event = EventPageFactory(parent=cls.programme, slug="gathering")
        cls.case_maker = CaseMakerPageFactory(parent=cls.home)
        cls.story = CaseStudyPageFactory(parent=cls.case_maker, slug="breakfast-club")

    def assert_all_public(self, text, minimum):
        urls = absolute_urls(text)
        self.assertGreaterEqual(len(urls), minimum, urls)
        for url in urls:
            self.assertTrue(url.startswith((PUBLIC + "/", "webcal://www.relationshipsproject.org/")), url)

    def test_post_page(self):
        response = self.client.get("/blog/first-mile/")
        self.assertEqual(response.status_code, 200)
        soup = BeautifulSoup(response.content, "html.parser")
        self.assertEqual(soup.find("link", rel="canonical")["href"], PUBLIC + "/blog/first-mile/")
        self.assertTrue(soup.find("meta", property="og:image")["content"].startswith(PUBLIC + "/media/"))
        # The page's own absolute links (head, structured data) are all public.
        self.assert_all_public(str(soup.head) + "".join(str(s) for s in soup.find_all("script")), 3)
        # Share services carry the address encoded in their own links.
        share_links = [a["href"] for a in soup.select(".post-share a")]
        self.assertGreaterEqual(len(share_links), 4)
        for link in share_links:
            self.assertRegex(unquote(link), r"https://www\.relationshipsproject\.org/blog/first-mile/", link)
            self.assertNotIn("localhost", unquote(link))
            self.assertNotIn("testserver", unquote(link))

    def test_feed_item(self):
        for path in ("/blog/feed/", "/blog/feed/atom/"):
            response = self.client.get(path)
            feed = feedparser.parse(response.content)
            self.assertFalse(feed.bozo, path)
            entry = feed.entries[0]
            self.assertEqual(entry.link, PUBLIC + "/blog/first-mile/")
            self.assert_all_public(response.content.decode(), 4)

    def test_calendar_entry(self):
        for path in ("/convenings/gathering/calendar.ics", "/convenings/calendar.ics"):
            response = self.client.get(path)
            event = Calendar.from_ical(response.content).walk("VEVENT")[0]
            self.assertEqual(str(event["url"]), PUBLIC + "/convenings/gathering/")
            self.assert_all_public(response.content.decode().replace("\r\n ", ""), 2)
        soup = BeautifulSoup(self.client.get("/convenings/").content, "html.parser")
        self.assertIn(
            "webcal://www.relationshipsproject.org/convenings/calendar.ics",
            [a["href"] for a in soup.find_all("a")],
        )

    def test_qr_code_and_short_link(self):
        response = self.client.get("/case-maker/breakfast-club/card/")
        soup = BeautifulSoup(response.content, "html.parser")
        short = soup.select_one(".case-card__url a")["href"]
        self.assertEqual(short, f"{PUBLIC}/c/{self.story.short_code}/")
        # The QR code drawn on the card encodes exactly that address.
        self.assertEqual(
            str(soup.select_one(".case-card__qr svg")), str(BeautifulSoup(qr_svg(short), "html.parser"))
        )
        self.assert_all_public(str(soup.head), 1)
