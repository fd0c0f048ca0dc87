"""Blog listings: /blog/ and its archives by category, tag, author, year and series."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

from bs4 import BeautifulSoup

from blog.models import POSTS_PER_PAGE, BlogPageRelatedPost
from tests.base import SiteTestCase
from tests.factories import ImageFactory, PersonFactory
from tests.factories.blog import BlogIndexPageFactory, BlogPageFactory, CategoryFactory, SeriesFactory


def titles(response):
    return [post.title for post in response.context["posts"]]


class ListingTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.index = BlogIndexPageFactory(parent=cls.home)
        cls.policy = CategoryFactory(name="Policy", slug="policy")
        cls.david = PersonFactory(name="David Robinson", slug="david-robinson")
        cls.series = SeriesFactory(title="Key Concepts", slug="key-concepts")
        cls.posts = [
            BlogPageFactory(
                parent=cls.index,
                title=f"Post {n:02}",
                date=datetime.date(2024, 1, 1) + datetime.timedelta(days=n),
                category=cls.policy if n % 2 else CategoryFactory(),
                authors=[cls.david] if n % 3 == 0 else None,
                tags=["neighbourhoods"] if n % 4 == 0 else [],
            )
            for n in range(12)
        ]
        cls.old = BlogPageFactory(
            parent=cls.index,
            title="From 2021",
            date=datetime.date(2021, 3, 16),
            category=cls.policy,
            authors=[cls.david],
            tags=["neighbourhoods"],
            series=cls.series,
            series_position=2,
        )
        cls.hidden = [
            BlogPageFactory(
                parent=cls.index, title="Draft", live=False, category=cls.policy, authors=[cls.david]
            ),
            BlogPageFactory(parent=cls.index, title="Private", category=cls.policy, authors=[cls.david]),
        ]
        for post in cls.hidden:
            post.tags.add("neighbourhoods")
            post.series, post.series_position = cls.series, 1
            post.save()
        PageViewRestriction.objects.create(page=cls.hidden[1], restriction_type="password", password="x")

    def test_newest_first_ten_per_page_with_labelled_pagination(self):
        response = self.client.get("/blog/")
        self.assertEqual(titles(response), [f"Post {n:02}" for n in range(11, 1, -1)])
        second = self.client.get("/blog/?page=2")
        self.assertEqual(titles(second), ["Post 01", "Post 00", "From 2021"])
        soup = BeautifulSoup(response.content, "html.parser")
        nav = soup.find("nav", attrs={"aria-label": "Pagination"})
        self.assertEqual(nav.find("a", rel="next")["href"], "?page=2")
        self.assertEqual(len(soup.find_all("h1")), 1)

    def test_junk_page_numbers_show_a_valid_page(self):
        for junk, expected_page in [("abc", 1), ("0", 2), ("-3", 2), ("99999", 2), ("1.5", 1), ("%00", 1)]:
            with self.subTest(page=junk):
                response = self.client.get(f"/blog/?page={junk}")
                self.assertEqual(response.status_code, 200)
                self.assertEqual(response.context["posts"].number, expected_page)
        self.assertEqual(self.client.get("/blog/?page=2&utm_source=x&page=abc").status_code, 200)

    def test_drafts_and_private_posts_are_absent_from_every_listing(self):
        urls = [
            "/blog/",
            "/blog/?page=2",
            "/blog/category/policy/",
            "/blog/tag/neighbourhoods/",
            "/blog/author/david-robinson/",
            "/blog/2024/",
            "/blog/series/key-concepts/",
        ]
        for url in urls:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assertNotIn("Draft", titles(response))
                self.assertNotIn("Private", titles(response))
                self.assertNotContains(response, "/blog/draft/")

    def test_posts_left_out_of_the_newsletter_are_still_listed(self):
        BlogPageFactory(parent=self.index, title="Not for the newsletter", exclude_from_newsletter=True)
        self.assertIn("Not for the newsletter", titles(self.client.get("/blog/")))

    def test_category_archive(self):
        response = self.client.get("/blog/category/policy/")
        self.assertEqual(
            titles(response), ["Post 11", "Post 09", "Post 07", "Post 05", "Post 03", "Post 01", "From 2021"]
        )
        soup = BeautifulSoup(response.content, "html.parser")
        self.assertEqual(soup.find("h1").text, "Policy")
        self.assertEqual(soup.find("link", rel="canonical")["href"], "http://localhost/blog/category/policy/")
        self.assertEqual(
            soup.find("link", rel="alternate", href="/blog/category/policy/feed/")["type"],
            "application/rss+xml",
        )
        self.assertEqual(soup.title.text, "Policy | Blog | The Relationships Project")
        crumbs = soup.find("nav", attrs={"aria-label": "Breadcrumb"})
        self.assertEqual([a["href"] for a in crumbs.find_all("a")], ["/", "/blog/"])
        self.assertEqual(crumbs.find(attrs={"aria-current": "page"}).text, "Policy")

    def test_tag_archive(self):
        response = self.client.get("/blog/tag/neighbourhoods/")
        self.assertEqual(titles(response), ["Post 08", "Post 04", "Post 00", "From 2021"])
        self.assertContains(response, "<h1>Tagged “neighbourhoods”</h1>", html=True)

    def test_author_archive(self):
        response = self.client.get("/blog/author/david-robinson/")
        self.assertEqual(titles(response), ["Post 09", "Post 06", "Post 03", "Post 00", "From 2021"])
        self.assertContains(response, "<h1>David Robinson</h1>", html=True)

    def test_year_archive(self):
        self.assertEqual(titles(self.client.get("/blog/2021/")), ["From 2021"])
        self.assertEqual(len(titles(self.client.get("/blog/2024/"))), POSTS_PER_PAGE)
        self.assertEqual(self.client.get("/blog/2024/?page=2").context["posts"].number, 2)

    def test_series_archive_lists_parts_in_reading_order(self):
        first = BlogPageFactory(
            parent=self.index,
            title="Part one",
            series=self.series,
            series_position=1,
            date=datetime.date(2025, 1, 1),
        )
        unnumbered = BlogPageFactory(parent=self.index, title="Coda", series=self.series)
        response = self.client.get("/blog/series/key-concepts/")
        self.assertEqual(
            [post.pk for post in response.context["posts"]], [first.pk, self.old.pk, unnumbered.pk]
        )
        self.assertContains(response, "In reading order")

    def test_unknown_and_empty_archives_are_404(self):
        BlogPageFactory(parent=self.index, title="Draft only tag", live=False, tags=["secret"])
        PersonFactory(slug="no-posts-yet")
        CategoryFactory(slug="empty")
        for url in [
            "/blog/tag/secret/",
            "/blog/author/no-posts-yet/",
            "/blog/category/empty/",
            "/blog/category/nope/",
            "/blog/tag/nope/",
            "/blog/author/nope/",
            "/blog/series/nope/",
            "/blog/1999/",
            "/blog/category/nope/feed/",
            "/blog/series/nope/feed/",
            "/blog/nope/",
        ]:
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 404)

    def test_featured_posts_lead_page_one_only(self):
        featured = BlogPageFactory(
            parent=self.index, title="Featured old", featured=True, date=datetime.date(2020, 1, 1)
        )
        response = self.client.get("/blog/")
        self.assertEqual([post.title for post in response.context["featured_posts"]], ["Featured old"])
        self.assertNotIn("Featured old", titles(response))
        self.assertNotIn("Featured old", titles(self.client.get("/blog/?page=2")))
        self.assertEqual(self.client.get("/blog/?page=2").context["featured_posts"], [])
        featured.unpublish()
        self.assertEqual(self.client.get("/blog/").context["featured_posts"], [])

    def test_browse_navigation_links_every_archive_with_live_posts(self):
        soup = BeautifulSoup(self.client.get("/blog/").content, "html.parser")
        nav = soup.find("nav", attrs={"aria-label": "Browse the blog"})
        hrefs = [a["href"] for a in nav.find_all("a")]
        self.assertIn("/blog/category/policy/", hrefs)
        self.assertIn("/blog/series/key-concepts/", hrefs)
        self.assertEqual(
            [href for href in hrefs if href.endswith(("2024/", "2021/"))], ["/blog/2024/", "/blog/2021/"]
        )

    def test_feeds_are_advertised_on_every_page(self):
        for url in ["/", "/blog/", self.old.url]:
            soup = BeautifulSoup(self.client.get(url).content, "html.parser")
            alternates = {link["href"]: link["type"] for link in soup.find_all("link", rel="alternate")}
            self.assertEqual(alternates.get("/blog/feed/"), "application/rss+xml")
            self.assertEqual(alternates.get("/blog/feed/atom/"), "application/atom+xml")


class ListingQueryCountTests(SiteTestCase):
    """Listings and posts cost the same number of queries however many posts there are."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.index = BlogIndexPageFactory(parent=cls.home)

    def add_posts(self, count):
        categories = [CategoryFactory(), CategoryFactory()]
        people = [PersonFactory(), PersonFactory()]
        series = SeriesFactory()
        posts = [
            BlogPageFactory(
                parent=self.index,
                category=categories[n % 2],
                authors=people,
                tags=["neighbourhoods", f"tag-{n}"],
                hero_image=ImageFactory(),
                listing_image=ImageFactory(),
                featured=n < 4,
                series=series if n < 10 else None,
                series_position=n + 1,
            )
            for n in range(count)
        ]
        BlogPageRelatedPost.objects.create(page=posts[0], post=posts[-1], sort_order=0)
        return posts[0]

    def count_queries(self, url):
        self.client.get(url)  # first view makes the image renditions
        with CaptureQueriesContext(connection) as queries:
            self.assertEqual(self.client.get(url).status_code, 200)
        return len(queries)

    def test_constant_for_15_and_60_posts(self):
        # 15 posts, so that page 2 exists in both runs: a page past the end costs a separate count.
        post = self.add_posts(15)
        urls = ["/blog/", "/blog/?page=2", post.url, f"/blog/category/{post.category.slug}/"]
        few = [self.count_queries(url) for url in urls]
        self.add_posts(45)
        self.assertEqual([self.count_queries(url) for url in urls], few)
