"""A new page's save waits for any other save under its parent to finish.

Needs two database connections that really lock each other, so it runs on PostgreSQL.
"""

import threading
from unittest import skipUnless

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.test import Client, TransactionTestCase
from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from core.models import StandardPage
from tests.base import build_site_tree, restore_wagtail_roots

# Long enough for an unhindered add to finish on a slow machine, so that one still running is waiting.
HELD_SECONDS = 2


@skipUnless(connection.vendor == "postgresql", "needs two connections that lock each other")
class NewPageSaveTests(TransactionTestCase):
    def test_a_publish_racing_the_autosave_that_creates_the_page_gets_a_form_error(self):
        """The autosave that creates a page holds its parent; a Publish of the same form, sent
        before its answer came back, waits, then is told on the form that the address is taken.
        Without the wait it passed the form's check and failed in `save()` with a server error."""
        restore_wagtail_roots()
        home = build_site_tree()
        client = Client(raise_request_exception=False)
        # A superuser: the editorial groups the migrations make are gone with the previous flush.
        client.force_login(get_user_model().objects.create_superuser("admin", "admin@example.org", "x"))
        url = reverse("wagtailadmin_pages:add", args=("core", "standardpage", home.pk))
        data = nested_form_data(
            {
                "title": "Our approach",
                "slug": "our-approach",
                "in_brief": "How we work.",
                "body": streamfield([("paragraph", rich_text("<p>Slowly.</p>"))]),
                "action-publish": "publish",
            }
        )
        responses = []

        def publish():
            try:
                responses.append(client.post(url, data))
            finally:
                connection.close()

        with transaction.atomic():  # the autosave, mid-save
            locked = Page.objects.select_for_update().get(pk=home.pk)
            locked.add_child(
                instance=StandardPage(title="Our approach", slug="our-approach", in_brief="Draft.")
            )
            publishing = threading.Thread(target=publish)
            publishing.start()
            publishing.join(HELD_SECONDS)
            self.assertTrue(publishing.is_alive(), "the Publish did not wait for the autosave")
        publishing.join(60)
        self.assertEqual(responses[0].status_code, 200)
        self.assertContains(responses[0], "already in use")
        self.assertEqual(StandardPage.objects.filter(slug="our-approach").count(), 1)
