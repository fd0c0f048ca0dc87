"""Rate limits count per reader, in the shared cache, and trust X-Forwarded-For only as far as the
proxies in front of the site (TRUSTED_PROXY_COUNT) are trusted."""

from django.core.cache import cache
from django.test import Client, RequestFactory, SimpleTestCase, override_settings

from wagtail.models import PageViewRestriction

from core.client_address import client_address
from glossary.models import SUGGESTION_LIMIT
from tests.base import SiteTestCase
from tests.factories import StandardPageFactory
from tests.factories.glossary import GlossaryIndexPageFactory
from tests.glossary.test_suggestions import SUGGEST_URL, VALID

PROXY = "10.0.0.2"


class ClientAddressTests(SimpleTestCase):
    def address(self, forwarded=None, remote=PROXY):
        meta = {"REMOTE_ADDR": remote}
        if forwarded is not None:
            meta["HTTP_X_FORWARDED_FOR"] = forwarded
        return client_address(RequestFactory().get("/", **meta))

    def test_without_trusted_proxies_the_header_is_ignored(self):
        self.assertEqual(self.address("198.51.100.7"), PROXY)

    @override_settings(TRUSTED_PROXY_COUNT=1)
    def test_one_trusted_proxy_gives_the_address_it_appended(self):
        self.assertEqual(self.address("198.51.100.7"), "198.51.100.7")
        # Whatever the reader put in front of it is theirs to forge, and ignored.
        self.assertEqual(self.address("1.2.3.4, 198.51.100.7"), "198.51.100.7")
        self.assertEqual(self.address(None), PROXY)
        self.assertEqual(self.address("not-an-address"), PROXY)

    @override_settings(TRUSTED_PROXY_COUNT=2)
    def test_two_trusted_proxies(self):
        self.assertEqual(self.address("1.2.3.4, 198.51.100.7, 10.0.0.1"), "198.51.100.7")
        self.assertEqual(self.address("198.51.100.7"), PROXY)  # came past only one of them


class LimitTestCase(SiteTestCase):
    def setUp(self):
        super().setUp()
        cache.clear()

    def send(self, url, data, forwarded):
        return self.client.post(url, data, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)


class SuggestionLimitTests(LimitTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        GlossaryIndexPageFactory(parent=cls.home)

    def flood(self, forwarded):
        return [self.send(SUGGEST_URL, VALID, forwarded).status_code for _ in range(SUGGESTION_LIMIT + 1)]

    @override_settings(TRUSTED_PROXY_COUNT=1)
    def test_two_readers_behind_one_trusted_proxy_are_limited_separately(self):
        self.assertEqual(self.flood("198.51.100.1")[-1], 429)
        self.assertEqual(self.send(SUGGEST_URL, VALID, "198.51.100.2").status_code, 302)

    def test_a_forged_header_without_a_trusted_proxy_does_not_escape_the_limit(self):
        statuses = [
            self.send(SUGGEST_URL, VALID, f"198.51.100.{n}").status_code for n in range(SUGGESTION_LIMIT + 1)
        ]
        self.assertEqual(statuses[-1], 429)

    def test_the_count_lives_in_the_shared_cache(self):
        self.flood("198.51.100.1")
        cache.clear()  # what every worker reads: without it, the count is gone for all of them
        self.assertEqual(self.send(SUGGEST_URL, VALID, "198.51.100.1").status_code, 302)


class PagePasswordLimitTests(LimitTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.page = StandardPageFactory(parent=cls.home, title="Members", slug="members")
        cls.restriction = PageViewRestriction.objects.create(
            page=cls.page, restriction_type=PageViewRestriction.PASSWORD, password="let-me-in"
        )

    def attempt(self, password, forwarded="198.51.100.1"):
        url = f"/_util/authenticate_with_password/{self.restriction.pk}/{self.page.pk}/"
        return self.send(url, {"password": password, "return_url": "/members/"}, forwarded)

    @override_settings(TRUSTED_PROXY_COUNT=1)
    def test_guessing_is_stopped_per_reader(self):
        for _ in range(10):
            self.assertEqual(self.attempt("guess").status_code, 200)
        refused = self.attempt("let-me-in")
        self.assertEqual(refused.status_code, 429)
        self.assertEqual(refused["Retry-After"], "600")
        self.assertContains(refused, "Too many attempts", status_code=429)
        self.assertRedirects(
            self.attempt("let-me-in", forwarded="198.51.100.2"), "/members/", fetch_redirect_response=False
        )

    def test_the_form_itself_still_works(self):
        response = Client().get("/members/")
        self.assertContains(
            response, f"/_util/authenticate_with_password/{self.restriction.pk}/{self.page.pk}/"
        )
