"""Blog page models: tree rules, post rendering, SEO, related posts and series."""

import datetime
import json

from django.test import override_settings

from wagtail.documents.models import Document
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from bs4 import BeautifulSoup

from blog.models import BlogIndexPage, BlogPage, BlogPageRelatedPost, Category, Series
from core.models import SiteSettings
from home.models import HomePage
from tests.base import UNREACHABLE_YOUTUBE, SiteTestCase
from tests.factories import ImageFactory, PersonFactory, StandardPageFactory
from tests.factories.blog import BlogIndexPageFactory, BlogPageFactory, CategoryFactory, SeriesFactory
from tests.factories.events import EventIndexPageFactory, EventPageFactory

EMBED_URL = "https://www.youtube.com/watch?v=_FMHXd4tMf8"


class BlogTreeTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.index = BlogIndexPageFactory(parent=cls.home)
        cls.post = BlogPageFactory(parent=cls.index)

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(BlogIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(BlogIndexPage, {BlogPage})
        self.assertAllowedParentPageTypes(BlogPage, {BlogIndexPage})
        self.assertAllowedSubpageTypes(BlogPage, set())
        self.assertFalse(BlogIndexPage.can_create_at(self.home), "only one blog index is allowed")

    def post_form_data(self, **fields):
        return nested_form_data(
            {
                "title": "The man in the hospital",
                "slug": "the-man-in-the-hospital",
                "in_brief": "A day at the hospital.",
                "date": "2024-10-22",
                "category": self.post.category_id,
                "tags": "health, public services",
                "authors": inline_formset([{"person": PersonFactory().pk}], min=1),
                "related_links": inline_formset([]),
                "body": streamfield([("paragraph", rich_text("<p>The science was astonishing.</p>"))]),
                **fields,
            }
        )

    def test_pages_render_and_are_editable(self):
        self.assertPageIsRenderable(self.index)
        self.assertPageIsRenderable(self.post)
        self.assertPageIsEditable(
            self.index, nested_form_data({"title": "Blog", "slug": "blog", "in_brief": "News."})
        )
        self.assertPageIsEditable(self.post, self.post_form_data(slug=self.post.slug))
        self.assertPageIsPreviewable(self.post, post_data=self.post_form_data(slug=self.post.slug))

    def test_post_can_be_created_in_the_admin_with_an_author(self):
        self.login()
        self.assertCanCreate(self.index, BlogPage, self.post_form_data())
        post = BlogPage.objects.get(slug="the-man-in-the-hospital")
        self.assertEqual(post.authors.count(), 1)
        self.assertEqual(sorted(tag.name for tag in post.tags.all()), ["health", "public services"])

    def test_a_post_needs_an_author_and_a_category_to_be_published(self):
        self.login()
        url = f"/admin/pages/add/blog/blogpage/{self.index.pk}/"
        publish = {"action-publish": "action-publish"}
        for missing in ({"authors": inline_formset([], min=1)}, {"category": ""}):
            with self.subTest(missing=list(missing)):
                response = self.client.post(url, self.post_form_data(**missing, **publish))
                self.assertEqual(response.status_code, 200)
                self.assertFalse(BlogPage.objects.filter(slug="the-man-in-the-hospital").exists())
        # A draft may wait for its category.
        self.client.post(url, self.post_form_data(category=""))
        self.assertFalse(BlogPage.objects.get(slug="the-man-in-the-hospital").live)

    def test_series_parts_are_numbered_from_one(self):
        self.login()
        url = f"/admin/pages/add/blog/blogpage/{self.index.pk}/"
        data = self.post_form_data(series=SeriesFactory().pk)
        response = self.client.post(url, {**data, "series_position": "0"})
        self.assertFormError(
            response.context["form"], "series_position", "Ensure this value is greater than or equal to 1."
        )
        self.assertFalse(BlogPage.objects.filter(slug="the-man-in-the-hospital").exists())
        self.client.post(url, {**data, "series_position": "1"})
        self.assertEqual(BlogPage.objects.get(slug="the-man-in-the-hospital").series_position, 1)

    def test_snippets_make_slugs_from_their_names(self):
        self.assertEqual(Category.objects.create(name="Key Concepts").slug, "key-concepts")
        self.assertEqual(Series.objects.create(title="Joining the Dots").slug, "joining-the-dots")

    def test_date_defaults_to_the_day_of_first_publication(self):
        draft = BlogPageFactory(parent=self.index, date=None, live=False)
        self.assertIsNone(draft.date)
        draft.save_revision().publish()
        draft.refresh_from_db()
        self.assertEqual(draft.date, draft.first_published_at.date())

    def test_editor_chosen_date_is_kept_on_publish(self):
        post = BlogPageFactory(parent=self.index, date=datetime.date(2021, 3, 16), live=False)
        post.save_revision().publish()
        post.refresh_from_db()
        self.assertEqual(post.date, datetime.date(2021, 3, 16))

    def test_reading_time_comes_from_the_body(self):
        words = " ".join(["relationship"] * 450)
        post = BlogPageFactory(parent=self.index, body=[("paragraph", RichText(f"<p>{words}</p>"))])
        self.assertEqual(post.word_count, 450)
        self.assertEqual(post.reading_time, 3)
        self.assertEqual(self.post.reading_time, 1)

    def test_hero_alt_falls_back_to_the_image_description(self):
        image = ImageFactory(title="Circles", description="Two circles overlapping")
        post = BlogPageFactory(parent=self.index, hero_image=image)
        self.assertEqual(post.hero_alt_text, "Two circles overlapping")
        post.hero_alt = "Practitioners in a colourful yard"
        self.assertEqual(post.hero_alt_text, "Practitioners in a colourful yard")

    def test_cards_and_sharing_fall_back_to_the_hero_image(self):
        hero, listing = ImageFactory(), ImageFactory()
        post = BlogPageFactory(parent=self.index, hero_image=hero)
        self.assertEqual(post.card_image, hero)
        self.assertEqual(post.get_social_image(), hero)
        post.listing_image = listing
        self.assertEqual(post.card_image, listing)


class PostRenderingTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.index = BlogIndexPageFactory(parent=cls.home)
        cls.david = PersonFactory(name="David Robinson", slug="david-robinson")
        cls.iona = PersonFactory(name="Iona Lawrence", slug="iona-lawrence")
        cls.category = CategoryFactory(name="Key Concepts", slug="key-concepts")
        cls.target = StandardPageFactory(parent=cls.home, slug="target", title="Target")
        cls.hero = ImageFactory(title="Hero")

    def make_post_with_every_block(self):
        image = ImageFactory(title="Circles")
        document = Document.objects.create(title="Kit for Councils", file=ImageFactory().file)
        Embed.objects.create(
            url=EMBED_URL,
            max_width=800,
            hash=get_embed_hash(EMBED_URL, 800),
            type="video",
            html='<iframe title="A talk" src="https://www.youtube.com/embed/_FMHXd4tMf8"></iframe>',
        )
        return BlogPageFactory(
            parent=self.index,
            title="Every block",
            slug="every-block",
            authors=[self.david, self.iona],
            guest_author="Kaiden",
            category=self.category,
            tags=["power", "language"],
            hero_image=self.hero,
            hero_alt="Circles on warm paper",
            body=[
                ("heading", {"text": "Why relationships", "level": "h2"}),
                ("paragraph", RichText(f'<p>Read <a linktype="page" id="{self.target.pk}">more</a>.</p>')),
                (
                    "image",
                    {
                        "image": {"image": image, "decorative": False, "alt_text": "Two circles"},
                        "caption": "A caption",
                        "credit": "Photo: Helen Simmons",
                    },
                ),
                ("quote", {"text": "The first mile.", "attribution": "David Robinson", "role": "Founder"}),
                ("quote", {"text": "Not the extra mile.", "attribution": "", "role": "A councillor"}),
                ("embed", EMBED_URL),
                (
                    "call_to_action",
                    {"heading": "Join us", "text": "", "link_text": "Sign up", "page": self.target},
                ),
                ("document", {"document": document, "title": ""}),
                ("testimonial", {"text": "Phenomenal.", "attribution": "", "role": "Action learning"}),
                ("accordion", {"items": [{"title": "What is it?", "body": RichText("<p>An answer.</p>")}]}),
                (
                    "table",
                    {"data": [["Sector", "Stories"], ["Education", "3"]], "first_row_is_table_header": True},
                ),
            ],
        )

    def test_post_renders_every_block_type_with_its_by_line(self):
        post = self.make_post_with_every_block()
        response = self.client.get(post.url)
        self.assertEqual(response.status_code, 200)
        soup = BeautifulSoup(response.content, "html.parser")
        main = soup.find("main")
        self.assertEqual(len(soup.find_all("h1")), 1)
        self.assertEqual(main.find("h2", class_="block-heading").text, "Why relationships")
        self.assertEqual(main.find("a", string="more")["href"], "/target/")
        self.assertEqual(main.select_one(".block-image img")["alt"], "Two circles")
        captions = [caption.text for caption in main.select(".block-quote figcaption")]
        # An anonymous quote still says who was speaking.
        self.assertEqual(captions, ["David Robinson, Founder", "A councillor"])
        self.assertEqual(main.select_one(".block-embed iframe")["title"], "A talk")
        self.assertEqual(main.select_one(".block-cta a")["href"], "/target/")
        self.assertIn("Kit for Councils", main.select_one(".block-document a").text)
        self.assertIn("Action learning", main.select_one(".testimonial figcaption").text)
        self.assertEqual(main.select_one(".block-accordion summary").text, "What is it?")
        self.assertEqual(main.select_one(".block-table th").text.strip(), "Sector")

        byline = main.select_one(".post-byline")
        self.assertEqual(
            [(a.text, a["href"]) for a in byline.find_all("a")],
            [
                ("David Robinson", "/blog/author/david-robinson/"),
                ("Iona Lawrence", "/blog/author/iona-lawrence/"),
            ],
        )
        self.assertIn("and Kaiden", byline.text)
        self.assertIn("1 min read", byline.text)
        self.assertEqual(main.select_one(".post-hero img")["alt"], "Circles on warm paper")
        self.assertEqual(
            main.select_one(".post-header .card__label a")["href"], "/blog/category/key-concepts/"
        )
        self.assertEqual(
            sorted(a["href"] for a in main.select(".post-tags a")),
            ["/blog/tag/language/", "/blog/tag/power/"],
        )

    def test_share_links_are_plain_links_to_four_services(self):
        post = BlogPageFactory(parent=self.index, title="Doing what anyone would do", slug="doing")
        soup = BeautifulSoup(self.client.get(post.url).content, "html.parser")
        links = {a.text: a["href"] for a in soup.select("nav[aria-label='Share this post'] a")}
        self.assertEqual(list(links), ["Email", "LinkedIn", "Bluesky", "Mastodon"])
        self.assertEqual(
            links["Email"],
            "mailto:?subject=Doing%20what%20anyone%20would%20do&body=http%3A%2F%2Flocalhost%2Fblog%2Fdoing%2F",
        )
        self.assertEqual(
            links["LinkedIn"],
            "https://www.linkedin.com/sharing/share-offsite/?url=http%3A%2F%2Flocalhost%2Fblog%2Fdoing%2F",
        )
        self.assertTrue(links["Bluesky"].startswith("https://bsky.app/intent/compose?text=Doing+what"))
        self.assertIn("http%3A%2F%2Flocalhost%2Fblog%2Fdoing%2F", links["Mastodon"])
        self.assertEqual(soup.find_all("script", src=lambda src: src and "://" in src), [])

    def test_seo_meta_social_cards_and_json_ld(self):
        post = self.make_post_with_every_block()
        soup = BeautifulSoup(self.client.get(post.url).content, "html.parser")
        self.assertEqual(soup.title.text, "Every block | The Relationships Project")
        self.assertEqual(soup.find("meta", attrs={"name": "description"})["content"], post.in_brief)
        self.assertEqual(soup.find("link", rel="canonical")["href"], "http://localhost/blog/every-block/")
        self.assertEqual(soup.find("meta", property="og:type")["content"], "article")
        self.assertEqual(soup.find("meta", property="og:description")["content"], post.in_brief)
        self.assertEqual(soup.find("meta", attrs={"name": "twitter:card"})["content"], "summary_large_image")
        og_image = soup.find("meta", property="og:image")["content"]
        self.assertTrue(og_image.startswith("http://localhost/") and og_image.endswith(".jpg"), og_image)
        self.assertEqual(soup.find("meta", property="article:section")["content"], "Key Concepts")

        data = json.loads(soup.find("script", type="application/ld+json").string)
        self.assertEqual(data["@type"], "BlogPosting")
        self.assertEqual(data["headline"], "Every block")
        self.assertEqual(data["description"], post.in_brief)
        self.assertEqual(data["datePublished"], post.date.isoformat())
        self.assertEqual(
            [author["name"] for author in data["author"]], ["David Robinson", "Iona Lawrence", "Kaiden"]
        )
        self.assertEqual(data["author"][0]["url"], "http://localhost/blog/author/david-robinson/")
        self.assertEqual(data["articleSection"], "Key Concepts")
        self.assertEqual(data["image"], og_image)
        self.assertEqual(data["mainEntityOfPage"], "http://localhost/blog/every-block/")

    def test_social_image_falls_back_to_the_site_default(self):
        settings = SiteSettings.load()
        settings.default_social_image = ImageFactory(title="Default")
        settings.save()
        post = BlogPageFactory(parent=self.index)
        soup = BeautifulSoup(self.client.get(post.url).content, "html.parser")
        self.assertIn("/images/", soup.find("meta", property="og:image")["content"])
        data = json.loads(soup.find("script", type="application/ld+json").string)
        self.assertEqual(data["image"], soup.find("meta", property="og:image")["content"])

    def test_json_ld_cannot_break_out_of_its_script_element(self):
        post = BlogPageFactory(parent=self.index, title="</script><script>alert(1)</script>")
        html = self.client.get(post.url).content.decode()
        self.assertNotIn("<script>alert(1)", html)
        self.assertIn("\\u003C/script\\u003E", html)

    def test_related_convening_is_linked_only_while_live_and_public(self):
        events = EventIndexPageFactory(parent=self.home)
        start = datetime.datetime(2024, 7, 12, 10, tzinfo=datetime.UTC)
        convening = EventPageFactory(
            parent=events, title="Changing Our Permissions", slug="permissions", start=start
        )
        post = BlogPageFactory(parent=self.index, related_convening=convening)
        self.assertEqual(list(convening.reflection_posts.all()), [post])
        self.assertContains(self.client.get(post.url), 'href="/convenings/permissions/"')
        PageViewRestriction.objects.create(page=convening, restriction_type="password", password="x")
        self.assertNotContains(self.client.get(post.url), 'href="/convenings/permissions/"')


@override_settings(WAGTAILEMBEDS_FINDERS=UNREACHABLE_YOUTUBE)
class EmbedFallbackTests(SiteTestCase):
    def test_an_embed_whose_player_cannot_be_found_is_a_link(self):
        url = "https://www.youtube.com/watch?v=offline"
        post = BlogPageFactory(parent=BlogIndexPageFactory(parent=self.home), body=[("embed", url)])
        response = self.client.get(post.url)
        self.assertEqual(response.status_code, 200)
        main = BeautifulSoup(response.content, "html.parser").find("main")
        self.assertIsNone(main.find("iframe"))
        self.assertEqual(main.select_one(".block-embed a")["href"], url)


class RelatedPostsTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.index = BlogIndexPageFactory(parent=cls.home)
        cls.policy, cls.practice = CategoryFactory(name="Policy"), CategoryFactory(name="Practice")
        cls.post = BlogPageFactory(
            parent=cls.index, title="Subject", category=cls.policy, tags=["neighbourhoods"]
        )

    def related_titles(self):
        response = self.client.get(self.post.url)
        return [post.title for post in response.context["related_posts"]]

    def test_hand_picked_first_then_newest_sharing_category_or_tag(self):
        old_same_category = BlogPageFactory(
            parent=self.index, title="Old policy", category=self.policy, date=datetime.date(2020, 1, 1)
        )
        BlogPageFactory(
            parent=self.index, title="New same tag", category=self.practice, tags=["neighbourhoods"]
        )
        BlogPageFactory(
            parent=self.index, title="Unrelated", category=self.practice, date=datetime.date(2030, 1, 1)
        )
        picked = BlogPageFactory(parent=self.index, title="Picked", category=self.practice)
        BlogPageRelatedPost.objects.create(page=self.post, post=picked, sort_order=0)
        BlogPageRelatedPost.objects.create(page=self.post, post=old_same_category, sort_order=1)
        self.assertEqual(self.related_titles(), ["Picked", "Old policy", "New same tag"])

    def test_never_itself_drafts_or_private_posts(self):
        BlogPageFactory(parent=self.index, title="Draft", category=self.policy, live=False)
        private = BlogPageFactory(parent=self.index, title="Private", category=self.policy)
        PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
        draft_pick = BlogPageFactory(parent=self.index, title="Unpublished pick", live=False)
        BlogPageRelatedPost.objects.create(page=self.post, post=draft_pick, sort_order=0)
        BlogPageRelatedPost.objects.create(page=self.post, post=self.post, sort_order=1)
        BlogPageFactory(parent=self.index, title="Sibling", category=self.policy)
        self.assertEqual(self.related_titles(), ["Sibling"])


class SeriesNavigationTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.index = BlogIndexPageFactory(parent=cls.home)
        cls.series = SeriesFactory(title="Joining the Dots", slug="joining-the-dots")
        cls.first = BlogPageFactory(parent=cls.index, title="First", series=cls.series, series_position=1)
        cls.second = BlogPageFactory(parent=cls.index, title="Second", series=cls.series, series_position=2)
        # Unnumbered parts follow the numbered ones, oldest first.
        cls.third = BlogPageFactory(
            parent=cls.index, title="Third", series=cls.series, date=datetime.date(2020, 1, 1)
        )
        BlogPageFactory(
            parent=cls.index, title="Draft part", series=cls.series, series_position=3, live=False
        )

    def test_part_n_of_m_with_previous_and_next(self):
        soup = BeautifulSoup(self.client.get(self.second.url).content, "html.parser")
        self.assertIn("Part 2 of 3 in the series Joining the Dots", soup.select_one(".post-series").text)
        nav = soup.find("nav", attrs={"aria-label": "More in Joining the Dots"})
        self.assertEqual(nav.find("a", rel="prev")["href"], self.first.url)
        self.assertEqual(nav.find("a", rel="next")["href"], self.third.url)

    def test_ends_of_the_series_have_one_neighbour(self):
        first = BeautifulSoup(self.client.get(self.first.url).content, "html.parser")
        self.assertIsNone(first.find("a", rel="prev"))
        last = BeautifulSoup(self.client.get(self.third.url).content, "html.parser")
        self.assertIn("Part 3 of 3", last.select_one(".post-series").text)
        self.assertIsNone(last.find("a", rel="next"))

    def test_posts_outside_a_series_show_no_series_navigation(self):
        post = BlogPageFactory(parent=self.index)
        self.assertIsNone(
            BeautifulSoup(self.client.get(post.url).content, "html.parser").select_one(".post-series")
        )


@override_settings(WAGTAILADMIN_BASE_URL="http://testserver")
class AdminTests(SiteTestCase):
    def test_snippets_are_listed_in_the_admin(self):
        self.login()
        CategoryFactory(name="Key Concepts")
        SeriesFactory(title="Joining the Dots")
        self.assertContains(self.client.get("/admin/snippets/blog/category/"), "Key Concepts")
        self.assertContains(self.client.get("/admin/snippets/blog/series/"), "Joining the Dots")
