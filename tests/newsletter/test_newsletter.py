"""The newsletter: an issue started from what was published since the last, its email, text, web version and feed."""

import datetime
import re

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Site

import feedparser
from bs4 import BeautifulSoup

from newsletter.email import email_html, plain_text
from newsletter.models import NewsletterIssuePage
from tests.base import SiteTestCase
from tests.factories import ImageFactory
from tests.factories.blog import BlogIndexPageFactory, BlogPageFactory
from tests.factories.casestudies import CaseMakerPageFactory, CaseStudyPageFactory
from tests.factories.editors import editor
from tests.factories.events import EventIndexPageFactory, EventPageFactory
from tests.factories.newsletter import NewsletterIndexPageFactory

SITE_URL = "https://www.relationshipsproject.example"


def published(page, days_ago):
    """Set when a page was first published, as the newsletter's 'since the last issue' reads it."""
    moment = timezone.now() - datetime.timedelta(days=days_ago)
    type(page).objects.filter(pk=page.pk).update(first_published_at=moment)
    page.refresh_from_db()
    return page


class NewsletterTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        Site.objects.filter(is_default_site=True).update(
            hostname="www.relationshipsproject.example", port=443
        )
        blog = BlogIndexPageFactory(parent=cls.home)
        picture = ImageFactory(
            title="Chairs in a circle", description="Twelve chairs in a circle in a library"
        )
        cls.post = published(
            BlogPageFactory(parent=blog, title="Why kitchen tables matter", listing_image=picture), 3
        )
        cls.old_post = published(BlogPageFactory(parent=blog, title="An older post"), 90)
        cls.draft = BlogPageFactory(parent=blog, title="A draft nobody may see", live=False)
        cls.convening = published(
            EventPageFactory(parent=EventIndexPageFactory(parent=cls.home), title="Spring convening"), 2
        )
        cls.story = published(
            CaseStudyPageFactory(
                parent=CaseMakerPageFactory(parent=cls.home), title="The library that listened"
            ),
            1,
        )
        cls.index = NewsletterIndexPageFactory(parent=cls.home)
        cls.editor = editor()

    def setUp(self):
        self.client.force_login(self.editor)

    def start_issue(self, pages):
        response = self.client.post(reverse("newsletter_start_issue"), {"page": [page.pk for page in pages]})
        issue = NewsletterIssuePage.objects.get()
        self.assertRedirects(response, reverse("wagtailadmin_pages:edit", args=[issue.pk]))
        return issue

    def test_starting_an_issue_preselects_what_was_published_since_the_last(self):
        html = BeautifulSoup(self.client.get(reverse("newsletter_start_issue")).content, "html.parser")
        ticked = [int(box["value"]) for box in html.select("input[name=page][checked]")]
        self.assertEqual(ticked, [self.post.pk, self.convening.pk, self.story.pk])
        issue = self.start_issue([self.story, self.post])
        self.assertFalse(issue.live)
        self.assertEqual([item.page_id for item in issue.items.all()], [self.post.pk, self.story.pk])
        # The next issue starts from this one: nothing newer has been published.
        html = BeautifulSoup(self.client.get(reverse("newsletter_start_issue")).content, "html.parser")
        self.assertEqual(html.select("input[name=page]"), [])

    def test_the_email_is_self_contained_absolute_and_accessible(self):
        issue = self.start_issue([self.post, self.convening, self.story])
        html = email_html(issue)
        soup = BeautifulSoup(html, "html.parser")
        self.assertIsNone(soup.find("link", rel="stylesheet"))
        self.assertIsNone(soup.find("style"))
        self.assertIsNone(soup.find("script"))
        self.assertNotIn("@font-face", html)
        self.assertIn("max-width: 600px", soup.select_one("table.container")["style"])
        self.assertEqual(soup.select_one("table.container")["width"], "600")
        urls = [tag["href"] for tag in soup.find_all(href=True)] + [
            tag["src"] for tag in soup.find_all(src=True)
        ]
        self.assertGreater(len(urls), 6)
        for url in urls:
            self.assertTrue(url.startswith(SITE_URL), url)
        images = soup.find_all("img")
        self.assertEqual(len(images), 1)
        for image in images:
            self.assertEqual(image["alt"], "Twelve chairs in a circle in a library")
            self.assertEqual((image["width"], image["height"]), ("560", "315"))
        for page in (self.post, self.convening, self.story):
            self.assertIn(f"{SITE_URL}{page.url}", urls)

    def test_the_plain_text_has_every_title_and_link(self):
        issue = self.start_issue([self.post, self.convening, self.story])
        text = plain_text(issue)
        for page in (self.post, self.convening, self.story):
            self.assertIn(page.title, text)
            self.assertIn(f"{SITE_URL}{page.url}", text)
        self.assertNotIn("<", text)

    def test_drafts_never_appear_in_an_issue(self):
        issue = self.start_issue([self.post])
        issue.items.create(page=self.draft)
        self.assertNotIn(self.draft.title, email_html(issue))
        self.assertNotIn(self.draft.title, plain_text(issue))

    def test_downloads_and_previews_for_the_newsletter_tool(self):
        issue = self.start_issue([self.post, self.story])
        response = self.client.get(reverse("newsletter_email", args=[issue.pk, "html"]))
        self.assertEqual(
            response["Content-Disposition"], f'attachment; filename="newsletter-{issue.slug}.html"'
        )
        self.assertContains(response, "The library that listened")
        response = self.client.get(reverse("newsletter_email", args=[issue.pk, "txt"]))
        self.assertTrue(response["Content-Type"].startswith("text/plain"))
        edit = BeautifulSoup(
            self.client.get(reverse("wagtailadmin_pages:edit", args=[issue.pk])).content, "html.parser"
        )
        self.assertIn("Why kitchen tables matter", edit.find("textarea", id="newsletter-html").get_text())
        self.assertIn(f"{SITE_URL}{self.post.url}", edit.find("textarea", id="newsletter-text").get_text())
        preview = self.client.get(
            reverse("wagtailadmin_pages:preview_on_edit", args=[issue.pk]) + "?mode=text"
        )
        self.assertIn(preview.status_code, {200, 405})
        self.client.logout()
        self.assertEqual(
            self.client.get(reverse("newsletter_email", args=[issue.pk, "html"])).status_code, 302
        )

    def test_the_published_issue_has_a_web_version_an_archive_entry_and_a_feed_item(self):
        issue = self.start_issue([self.post, self.story])
        issue.save_revision().publish()
        reader = Client()
        page = reader.get(issue.url)
        self.assertContains(page, "Why kitchen tables matter")
        self.assertContains(page, f'href="{self.story.url}"')
        archive = reader.get(self.index.url)
        self.assertContains(archive, f'href="{issue.url}"')
        feed = feedparser.parse(reader.get(self.index.url + "feed/").content)
        self.assertEqual([entry.link for entry in feed.entries], [f"{SITE_URL}{issue.url}"])
        self.assertTrue(re.search(r"kitchen tables", feed.entries[0].content[0].value, re.IGNORECASE))

    def test_an_unpublished_issue_is_not_in_the_archive_or_feed(self):
        issue = self.start_issue([self.post])
        reader = Client()
        self.assertNotContains(reader.get(self.index.url), issue.title)
        self.assertEqual(feedparser.parse(reader.get(self.index.url + "feed/").content).entries, [])
        self.assertEqual(reader.get(issue.url).status_code, 404)
