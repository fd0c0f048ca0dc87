"""Every old WordPress address answers 301 with the new page, listing or feed, through the full stack."""

from tests.base import SiteTestCase
from tests.factories.blog import BlogIndexPageFactory
from tests.wordpress.helpers import SITE_EXPORT, UPLOADS, imported, run_import


class OldAddressTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.blog = BlogIndexPageFactory(parent=cls.home, title="Blog", slug="blog")
        cls.status, cls.output, cls.errors = run_import(SITE_EXPORT, "--media-dir", UPLOADS)

    def assertMovedTo(self, old, new):
        response = self.client.get(old)
        self.assertEqual(response.status_code, 301, f"{old} answered {response.status_code}")
        self.assertEqual(response["Location"], new, old)
        return response

    def test_posts_answer_at_their_permalink_id_and_dated_addresses(self):
        first_mile = imported("post", 201).url
        self.assertEqual(first_mile, "/blog/first-mile/")
        for old in ["/2021/03/14/first-mile/", "/2021/03/14/first-mile", "/?p=201", "/2021/03/first-mile/"]:
            self.assertMovedTo(old, first_mile)
        self.assertEqual(self.client.get(first_mile).status_code, 200)
        self.assertMovedTo("/2021/06/02/what-councils-taught-us/", imported("post", 202).url)
        self.assertMovedTo("/?p=202", imported("post", 202).url)

    def test_an_old_id_link_with_tracking_tags_still_arrives(self):
        self.assertMovedTo("/?p=201&utm_source=newsletter&fbclid=x1", imported("post", 201).url)
        self.assertMovedTo("/?utm_medium=social&page_id=302", "/who-we-are/our-team/")

    def test_pages_answer_at_their_page_id(self):
        self.assertMovedTo("/?page_id=302", "/who-we-are/our-team/")
        self.assertMovedTo("/?page_id=303", "/who-we-are/our-history/")
        # The permalink is the new address too: it is served, not redirected to itself.
        self.assertEqual(self.client.get("/who-we-are/our-team/").status_code, 200)

    def test_the_home_page_is_still_the_home_page(self):
        self.assertEqual(self.client.get("/").status_code, 200)
        self.assertEqual(self.client.get("/?p=99999").status_code, 200)
        self.assertEqual(self.client.get("/?p=abc").status_code, 200)

    def test_drafts_private_posts_and_unknown_addresses_are_not_redirected(self):
        self.assertEqual(self.client.get("/?p=203").status_code, 200)  # the home page, no redirect
        self.assertEqual(self.client.get("/2021/01/10/board-minutes/").status_code, 404)
        self.assertEqual(self.client.get("/2021/03/14/no-such-post/").status_code, 404)

    def test_a_scheduled_post_redirects_to_its_future_address(self):
        response = self.assertMovedTo("/?p=204", "/blog/looking-ahead/")
        self.assertEqual(self.client.get(response["Location"]).status_code, 404)

    def test_archives_redirect_to_the_matching_listings(self):
        self.assertMovedTo("/category/key-concepts/", "/blog/category/key-concepts/")
        self.assertMovedTo("/tag/trust/", "/blog/tag/trust/")
        person = imported("author", "ionalawrence")
        response = self.assertMovedTo("/author/ionalawrence/", f"/blog/author/{person.slug}/")
        self.assertContains(self.client.get(response["Location"]), "What the Relational Councils taught us")
        listing = self.client.get(
            self.assertMovedTo("/category/reflections/", "/blog/category/reflections/")["Location"]
        )
        self.assertContains(listing, "What the Relational Councils taught us")

    def test_feeds_redirect_to_the_matching_new_feeds(self):
        for old, new in [
            ("/feed/", "/blog/feed/"),
            ("/feed/atom/", "/blog/feed/atom/"),
            ("/comments/feed/", "/blog/feed/"),
            ("/category/key-concepts/feed/", "/blog/category/key-concepts/feed/"),
        ]:
            response = self.client.get(self.assertMovedTo(old, new)["Location"])
            self.assertEqual(response.status_code, 200, new)
        feed = self.client.get("/blog/category/key-concepts/feed/")
        self.assertTrue(feed["Content-Type"].startswith("application/rss+xml"))
        self.assertContains(feed, "Relationships are the first mile")
