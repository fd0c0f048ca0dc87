"""Every public surface shows exactly the pages Wagtail itself says anyone may see.

The tree holds a private section with a child, password- and group-restricted posts and convenings,
aliases of restricted pages placed in public sections, and the children of an alias of the private
section. The expected answer for each page comes from Wagtail's own `PageQuerySet.public()` and
`Page.get_view_restrictions()`, never from this project's code; the test runs with the page cache on
and off, so neither a cached page nor a cached list can show more than Wagtail allows.
"""

import datetime

from django.contrib.auth.models import Group
from django.test import override_settings
from django.utils import timezone

from wagtail.models import Page, PageViewRestriction

from core.visibility import PublicPage, site_pages
from tests.base import SiteTestCase
from tests.factories import StandardPageFactory
from tests.factories.blog import BlogIndexPageFactory, BlogPageFactory
from tests.factories.events import EventIndexPageFactory, EventPageFactory


def restrict(page, restriction_type, **options):
    groups = options.pop("groups", [])
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=restriction_type, **options)
    restriction.groups.set(groups)


def wagtail_allows(page):
    """What Wagtail lets an anonymous visitor see: live, in `.public()` and without any restriction
    `get_view_restrictions()` finds (which follows aliases back to the page they copy)."""
    in_public = Page.objects.live().public().filter(pk=page.pk).exists()
    return in_public and not Page.get_view_restrictions(page).exists()


class ViewRestrictionEquivalenceTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        readers = Group.objects.create(name="Readers")
        soon = timezone.now() + datetime.timedelta(days=20)
        cls.blog = BlogIndexPageFactory(parent=cls.home)
        cls.convenings = EventIndexPageFactory(parent=cls.home)
        section = StandardPageFactory(parent=cls.home, title="Vizsection", slug="members")
        StandardPageFactory(parent=section, title="Vizsectionchild", slug="inside")
        restrict(section, PageViewRestriction.LOGIN)
        BlogPageFactory(parent=cls.blog, title="Vizopenpost", slug="open-post")
        password_post = BlogPageFactory(parent=cls.blog, title="Vizpasswordpost", slug="password-post")
        restrict(password_post, PageViewRestriction.PASSWORD, password="secret")
        group_post = BlogPageFactory(parent=cls.blog, title="Vizgrouppost", slug="group-post")
        restrict(group_post, PageViewRestriction.GROUPS, groups=[readers])
        EventPageFactory(parent=cls.convenings, title="Vizopenevent", slug="open-event", start=soon)
        group_event = EventPageFactory(
            parent=cls.convenings, title="Vizgroupevent", slug="group-event", start=soon
        )
        restrict(group_event, PageViewRestriction.GROUPS, groups=[readers])
        # Aliases of restricted pages, in public places, with the alias section's own children
        # (a convening cannot be aliased: its calendar identifier is unique).
        password_post.create_alias(update_slug="password-post-copy")
        group_post.create_alias(update_slug="group-post-copy")
        section.create_alias(parent=cls.home, update_slug="members-copy", recursive=True)
        cls.pages = list(Page.objects.filter(title__startswith="Viz").order_by("path").specific())

    def expected(self):
        return {page.pk: wagtail_allows(page) for page in self.pages}

    def words_on(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        text = response.content.decode()
        return {page.pk for page in self.pages if page.title.lower() in text.lower()}

    def assert_surface(self, url, candidates):
        """`url` shows every candidate Wagtail allows and none it does not."""
        expected = self.expected()
        shown = self.words_on(url)
        wanted = {page.pk for page in candidates if expected[page.pk]}
        hidden = {page.pk for page in candidates if not expected[page.pk]}
        self.assertEqual(wanted - shown, set(), f"{url} misses pages Wagtail allows")
        self.assertEqual(hidden & shown, set(), f"{url} shows pages Wagtail restricts")

    def of_type(self, model):
        return [page for page in self.pages if isinstance(page, model)]

    def check_every_surface(self):
        from blog.models import BlogPage
        from events.models import EventPage

        expected = self.expected()
        # The tree really holds both answers, and the aliases Wagtail restricts though `.public()` keeps them.
        self.assertIn(True, expected.values())
        self.assertIn(False, expected.values())
        restricted_aliases = [page for page in self.pages if page.alias_of_id and not expected[page.pk]]
        self.assertGreaterEqual(len(restricted_aliases), 4, restricted_aliases)

        for page in self.pages:
            with self.subTest(page=page.title, url=page.url):
                response = self.client.get(page.url)
                if expected[page.pk]:
                    self.assertContains(response, page.title)
                else:
                    # A login redirect or the password form, never the page itself.
                    self.assertNotContains(response, page.title, status_code=response.status_code)
        posts, events = self.of_type(BlogPage), self.of_type(EventPage)
        self.assert_surface("/sitemap.xml", [])
        sitemap = self.client.get("/sitemap.xml").content.decode()
        for page in self.pages:
            with self.subTest(sitemap=page.url):
                self.assertEqual(page.full_url in sitemap, expected[page.pk], page.url)
        for page in self.pages:
            with self.subTest(search=page.title):
                # The results page repeats the query, so a result is known by its link.
                results = self.client.get(f"/search/?q={page.title}").content.decode()
                self.assertEqual(f'href="{page.url}"' in results, expected[page.pk], page.url)
        for url in ("/blog/", "/blog/feed/", "/blog/feed/atom/"):
            self.assert_surface(url, posts)
        for url in ("/convenings/", "/convenings/feed/", "/convenings/calendar.ics"):
            self.assert_surface(url, events)
        self.assert_surface("/", [*posts, *events])

    def test_the_sites_own_answers_are_wagtails(self):
        """The page types' `get_view_restrictions()` and the site's `.public()`, read from one list of
        restrictions per request, answer as Wagtail's own methods do for every page of the tree."""
        for page in Page.objects.filter(depth__gt=1).specific():
            with self.subTest(page=page.url_path):
                self.assertIsInstance(page, PublicPage)
                self.assertEqual(set(page.get_view_restrictions()), set(Page.get_view_restrictions(page)))
        self.assertEqual(set(site_pages().public()), set(Page.objects.public()))
        self.assertEqual(set(site_pages().not_public()), set(Page.objects.not_public()))

    def test_every_surface_matches_wagtail_with_the_page_cache_off(self):
        self.check_every_surface()

    @override_settings(PAGE_CACHE_SECONDS=600)
    def test_every_surface_matches_wagtail_with_the_page_cache_on(self):
        for url in ("/", "/blog/", "/blog/feed/", "/convenings/", "/sitemap.xml"):
            self.client.get(url)  # stored now, so the check below reads them from the cache
        self.check_every_surface()


class AliasChainTests(SiteTestCase):
    """An alias of an alias of a post that is made private only afterwards. Wagtail copies a page's
    restrictions onto an alias when it is made, not later, so no restriction sits on the copies:
    `Page.get_view_restrictions()` follows the chain of aliases back to the post and refuses them,
    while Wagtail's path-based `.public()` (and so its listings) keeps them. Serving must refuse."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        blog = BlogIndexPageFactory(parent=cls.home)
        cls.post = BlogPageFactory(parent=blog, title="Later private post", slug="later-post")
        cls.copy = cls.post.create_alias(update_slug="later-post-copy")
        cls.copy_of_copy = cls.copy.create_alias(update_slug="later-post-copy-of-copy")
        restrict(cls.post, PageViewRestriction.PASSWORD, password="secret")

    def test_no_copy_in_the_chain_is_served(self):
        for page in (self.post, self.copy, self.copy_of_copy):
            with self.subTest(url=page.url):
                self.assertTrue(Page.get_view_restrictions(page).exists())
                self.assertEqual(
                    set(page.specific.get_view_restrictions()), set(Page.get_view_restrictions(page))
                )
                response = self.client.get(page.url)
                self.assertNotContains(response, "Later private post", status_code=response.status_code)
