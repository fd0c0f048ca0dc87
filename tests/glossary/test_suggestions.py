"""The public suggest-a-term form and the editors' moderation list."""

from django.core import mail
from django.core.cache import cache
from django.test import Client

from bs4 import BeautifulSoup

from glossary.models import SUGGESTION_LIMIT, GlossarySuggestion
from tests.base import SiteTestCase
from tests.factories.glossary import GlossaryIndexPageFactory, GlossarySuggestionFactory

SUGGEST_URL = "/glossary/suggest/"
VALID = {
    "term": "Relational welfare",
    "definition": "A welfare state built around relationships.",
    "source": "Hilary Cottam",
    "name": "Sam",
    "email": "sam@example.org",
    "website": "",
}


class SuggestionTestCase(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.glossary = GlossaryIndexPageFactory(parent=cls.home)

    def setUp(self):
        super().setUp()
        cache.clear()

    def suggest(self, client=None, **changes):
        return (client or self.client).post(SUGGEST_URL, {**VALID, **changes}, REMOTE_ADDR="203.0.113.7")


class FormTests(SuggestionTestCase):
    def test_form_has_its_own_page_linked_from_the_glossary_with_labels_and_requirements_in_text(self):
        glossary = BeautifulSoup(self.client.get("/glossary/").content, "html.parser")
        self.assertIsNotNone(glossary.select_one(f'a[href="{SUGGEST_URL}"]'))
        self.assertIsNone(glossary.find("form", attrs={"method": "post"}))
        page = BeautifulSoup(self.client.get(SUGGEST_URL).content, "html.parser")
        self.assertEqual(len(page.find_all("h1")), 1)
        form = page.select_one("#suggest form")
        self.assertEqual(form["action"], SUGGEST_URL)
        self.assertIsNotNone(form.find("input", attrs={"name": "csrfmiddlewaretoken"}))
        for name, requirement in [("term", "required"), ("definition", "required"), ("email", "optional")]:
            label = form.find("label", attrs={"for": f"suggest-{name}"})
            self.assertIn(f"({requirement})", label.get_text())
        term = form.find(id="suggest-term")
        self.assertEqual(term["aria-describedby"], "suggest-term-help")
        self.assertIsNotNone(page.find(id="suggest-term-help"))
        self.assertEqual(term["maxlength"], "120")

    def test_valid_suggestion_is_stored_for_review_and_nobody_is_emailed(self):
        response = self.suggest()
        self.assertRedirects(response, "/glossary/", fetch_redirect_response=False)
        suggestion = GlossarySuggestion.objects.get()
        self.assertEqual((suggestion.term, suggestion.status), ("Relational welfare", "new"))
        self.assertEqual(len(mail.outbox), 0)
        self.assertContains(self.client.get("/glossary/"), "your suggestion has been sent")
        # A suggestion never publishes itself.
        self.assertNotContains(self.client.get("/glossary/"), "Relational welfare")

    def test_honeypot_submissions_look_accepted_but_are_dropped(self):
        response = self.suggest(website="https://spam.example")
        self.assertRedirects(response, "/glossary/")
        self.assertFalse(GlossarySuggestion.objects.exists())

    def test_rate_limit_per_address(self):
        for _ in range(SUGGESTION_LIMIT):
            self.assertEqual(self.suggest().status_code, 302)
        response = self.suggest()
        self.assertEqual(response.status_code, 429)
        self.assertContains(response, "Please try again in an hour", status_code=429)
        self.assertEqual(GlossarySuggestion.objects.count(), SUGGESTION_LIMIT)
        other = self.client.post(SUGGEST_URL, VALID, REMOTE_ADDR="198.51.100.1")
        self.assertEqual(other.status_code, 302)

    def test_missing_and_oversized_fields_are_summarised_and_linked(self):
        response = self.suggest(term="", definition="x" * 2001)
        self.assertEqual(response.status_code, 400)
        self.assertFalse(GlossarySuggestion.objects.exists())
        page = BeautifulSoup(response.content, "html.parser")
        summary = page.select_one("#suggest-errors")
        self.assertEqual(summary["role"], "alert")
        links = {a["href"] for a in summary.find_all("a")}
        self.assertEqual(links, {"#suggest-term", "#suggest-definition"})
        definition = page.find(id="suggest-definition")
        self.assertEqual(definition["aria-describedby"], "suggest-definition-help suggest-definition-error")
        self.assertIn("at most 2000 characters", page.find(id="suggest-definition-error").get_text())
        # What was typed is kept, so nothing is lost.
        self.assertEqual(definition.get_text().strip(), "x" * 2001)

    def test_html_is_stored_as_text_and_escaped_when_shown_again(self):
        script = "<script>alert('x')</script>"
        response = self.suggest(term=script, email="not an email")
        self.assertEqual(response.status_code, 400)
        self.assertNotContains(response, script, status_code=400)
        self.assertContains(response, "&lt;script&gt;", status_code=400)
        self.suggest(term=script, definition=f"<b>bold</b>{script}")
        self.assertEqual(GlossarySuggestion.objects.get().term, script)

    def test_csrf_is_enforced(self):
        response = self.suggest(client=Client(enforce_csrf_checks=True))
        self.assertEqual(response.status_code, 403)
        self.assertFalse(GlossarySuggestion.objects.exists())

    def test_only_the_form_page_sets_the_csrf_cookie(self):
        self.assertEqual(dict(self.client.get("/glossary/").cookies), {})
        cookie = self.client.get(SUGGEST_URL).cookies["csrftoken"]
        self.assertEqual(cookie["samesite"], "Lax")


class ModerationTests(SuggestionTestCase):
    def test_editors_see_suggestions_escaped_and_cannot_invent_them(self):
        script = "<script>alert('x')</script>"
        suggestion = GlossarySuggestionFactory(
            term=script, definition=f"<img src=x onerror=alert(1)>{script}"
        )
        self.login()
        listing = self.client.get("/admin/glossary/glossarysuggestion/")
        self.assertEqual(listing.status_code, 200)
        self.assertContains(listing, "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;")
        self.assertNotContains(listing, script)
        inspect = self.client.get(f"/admin/glossary/glossarysuggestion/inspect/{suggestion.pk}/")
        self.assertContains(inspect, "&lt;img src=x onerror=alert(1)&gt;")
        self.assertNotContains(inspect, "<img src=x")
        self.assertNotEqual(self.client.get("/admin/glossary/glossarysuggestion/create/").status_code, 200)

    def test_editors_change_the_status_only(self):
        suggestion = GlossarySuggestionFactory(term="Kept as sent")
        self.login()
        url = f"/admin/glossary/glossarysuggestion/edit/{suggestion.pk}/"
        self.assertEqual(self.client.get(url).status_code, 200)
        self.client.post(url, {"status": "accepted", "term": "Changed"})
        suggestion.refresh_from_db()
        self.assertEqual((suggestion.status, suggestion.term), ("accepted", "Kept as sent"))
