"""Every public route that reads a number from the path or the query string, fed numbers that no
calendar or table holds: each answers 404 (or its ordinary page, for an optional parameter that
falls back to a default), never a 500, on SQLite and PostgreSQL alike."""

from django.test import Client

from tests.base import SiteTestCase
from tests.security.public_routes import build_public_site

NUMBERS = (
    "0000",
    "-1",
    "13",
    "32",
    "10000",
    "9223372036854775808",
    "1" * 30,
    "1e9",
    "+1",
    "١٢٣٤",  # Arabic-Indic digits: \d matches them, int() reads them
    "２０２４",  # full-width digits
)

# Numbers in the path (archives, documents, short codes, any page): a route that is not there is a 404.
PATH_TEMPLATES = (
    "/blog/{n}/",
    "/blog/2024/{n}/",
    "/documents/{n}/report.pdf",
    "/c/{n}/",
    "/{n}/",
)
# A share link that is not one is gone for good rather than missing.
GONE_TEMPLATES = ("/share/{n}/",)

# Numbers in the query string, one route per parser: a listing falls back to a page it has.
QUERY_TEMPLATES = (
    "/blog/2024/?page={n}",
    "/convenings/past/?year={n}&page={n}",
    "/case-maker/stories/?page={n}",
    "/search/?q=plumbing&page={n}",
    "/sitemap.xml?p={n}",
)


class NumberRouteTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = build_public_site()

    def setUp(self):
        self.client = Client(raise_request_exception=False)

    def test_real_numbers_still_route(self):
        self.assertEqual(self.client.get("/blog/2024/").status_code, 200)
        self.assertEqual(self.client.get("/blog/?page=1").status_code, 200)

    def unexpected(self, templates, allowed):
        answers = {}
        for template in templates:
            for number in NUMBERS:
                url = template.format(n=number)
                status = self.client.get(url).status_code
                if status not in allowed:
                    answers[url] = status
        return answers

    def test_impossible_numbers_in_paths_are_not_found(self):
        self.assertEqual(self.unexpected(PATH_TEMPLATES, {404}), {})
        self.assertEqual(self.unexpected(GONE_TEMPLATES, {404, 410}), {})

    def test_impossible_numbers_in_query_strings_never_fail(self):
        self.assertEqual(self.unexpected(QUERY_TEMPLATES, {200, 404}), {})
