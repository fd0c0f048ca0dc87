"""Public endpoints that accept POSTs from anyone: the glossary suggestion form and the CSP report.

The suggestion form is driven as a browser would (its page, its CSRF cookie and token), then
abused: missing token, honeypot, flooding, oversized fields and bodies, too many fields, files.
Django's site-wide upload limits stay high for the admin, so the view sets its own.
"""

from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from bs4 import BeautifulSoup

from glossary.models import SUGGESTION_LIMIT, SUGGESTION_MAX_BYTES, SUGGESTION_MAX_FIELDS, GlossarySuggestion
from tests.base import SiteTestCase
from tests.factories.glossary import GlossaryIndexPageFactory

SUGGEST_URL = "/glossary/suggest/"
VALID = {
    "term": "Social plumbing",
    "definition": "The everyday places and habits that bring neighbours together.",
    "source": "",
    "name": "",
    "email": "",
    "website": "",
}
# One past each field's limit; the honeypot is limited too, so a robot cannot park megabytes in it.
OVERSIZED = {"term": 121, "definition": 2001, "source": 501, "name": 101, "website": 201}


class SuggestionFormAbuseTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        GlossaryIndexPageFactory(parent=cls.home)

    def setUp(self):
        super().setUp()
        cache.clear()
        self.browser = Client(enforce_csrf_checks=True, REMOTE_ADDR="203.0.113.9")

    def token(self):
        """Open the form page as a reader does: it sets the CSRF cookie and carries the token."""
        page = BeautifulSoup(self.browser.get(SUGGEST_URL).content, "html.parser")
        return page.find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]

    def submit(self, data=None, **extra):
        return self.browser.post(
            SUGGEST_URL, {"csrfmiddlewaretoken": self.token(), **(data or VALID)}, **extra
        )

    def test_a_reader_with_the_form_page_can_suggest(self):
        response = self.submit()
        self.assertRedirects(response, "/glossary/", fetch_redirect_response=False)
        self.assertEqual(GlossarySuggestion.objects.get().term, "Social plumbing")

    def test_csrf_is_enforced(self):
        for token in (None, "forged", "x" * 64):
            with self.subTest(token=token):
                data = VALID if token is None else {**VALID, "csrfmiddlewaretoken": token}
                self.assertEqual(Client(enforce_csrf_checks=True).post(SUGGEST_URL, data).status_code, 403)
        self.browser.get(SUGGEST_URL)  # a cookie alone is not enough either
        self.assertEqual(self.browser.post(SUGGEST_URL, VALID).status_code, 403)
        self.assertFalse(GlossarySuggestion.objects.exists())

    def test_honeypot_is_dropped_quietly(self):
        response = self.submit({**VALID, "website": "https://spam.example/"})
        self.assertEqual(response.status_code, 302)
        self.assertFalse(GlossarySuggestion.objects.exists())

    def test_flooding_is_rate_limited_even_with_invalid_submissions(self):
        for _ in range(SUGGESTION_LIMIT):
            self.assertEqual(self.submit({**VALID, "term": ""}).status_code, 400)
        self.assertEqual(self.submit().status_code, 429)
        self.assertFalse(GlossarySuggestion.objects.exists())

    def test_every_field_is_size_limited(self):
        for name, length in OVERSIZED.items():
            with self.subTest(field=name):
                response = self.submit({**VALID, name: "x" * length})
                self.assertEqual(response.status_code, 400)
                cache.clear()  # each attempt counts towards the rate limit
        self.assertEqual(self.submit({**VALID, "email": "a" * 250 + "@example.org"}).status_code, 400)
        self.assertFalse(GlossarySuggestion.objects.exists())

    def test_oversized_bodies_are_refused_before_the_form_reads_them(self):
        padding = "x" * SUGGESTION_MAX_BYTES
        response = self.submit({**VALID, "padding": padding})
        self.assertEqual(response.status_code, 413)
        self.assertFalse(GlossarySuggestion.objects.exists())

    def test_more_fields_than_the_form_has_are_refused(self):
        allowed = {f"extra{n}": "x" for n in range(SUGGESTION_MAX_FIELDS - len(VALID) - 1)}
        self.assertEqual(self.submit({**VALID, **allowed}).status_code, 302)
        cache.clear()
        too_many = {f"extra{n}": "x" for n in range(SUGGESTION_MAX_FIELDS)}
        self.assertEqual(self.submit({**VALID, **too_many}).status_code, 400)
        repeated = {**VALID, "term": ["Social plumbing"] * SUGGESTION_MAX_FIELDS}
        self.assertEqual(self.submit(repeated).status_code, 400)
        self.assertEqual(GlossarySuggestion.objects.count(), 1)

    def test_files_are_refused(self):
        upload = SimpleUploadedFile("term.txt", b"social plumbing", content_type="text/plain")
        self.assertEqual(self.submit({**VALID, "attachment": upload}).status_code, 400)
        self.assertFalse(GlossarySuggestion.objects.exists())

    def test_hostile_values_are_answered_with_400_not_500(self):
        for value in ("\x00", "a\x00b", "\r\nBcc: victim@example.org", "%00"):
            with self.subTest(value=value):
                for name in ("term", "definition", "source", "name", "email"):
                    response = self.submit({**VALID, name: value})
                    self.assertIn(response.status_code, (302, 400), name)
                    cache.clear()
        stored = GlossarySuggestion.objects.values_list("term", "definition", "source", "name", "email")
        self.assertFalse(any("\x00" in value for row in stored for value in row))

    def test_other_methods_are_not_allowed(self):
        for method in ("put", "patch", "delete"):
            with self.subTest(method=method):
                response = getattr(self.browser, method)(SUGGEST_URL, HTTP_X_CSRFTOKEN=self.token())
                self.assertEqual(response.status_code, 405)


class CSPReportLimitTests(SiteTestCase):
    def test_missing_or_junk_lengths_are_refused_unread(self):
        for length in ("", "abc", "-1", "99999999999999999999"):
            with self.subTest(length=length):
                response = self.client.generic(
                    "POST",
                    "/csp-report/",
                    b"{}",
                    content_type="application/csp-report",
                    CONTENT_LENGTH=length,
                )
                self.assertIn(response.status_code, (400, 413))

    def test_a_form_encoded_flood_is_not_parsed_as_fields(self):
        body = "&".join(f"f{n}=x" for n in range(2_000))
        response = self.client.post("/csp-report/", body, content_type="application/x-www-form-urlencoded")
        self.assertEqual(response.status_code, 413)
