"""Case Maker pages: tree rules, editing, blocks, story pages, SEO, short addresses and case cards."""

import datetime
import json

from django.core.exceptions import ValidationError
from django.test import TestCase, override_settings

from wagtail.documents.models import Document
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from bs4 import BeautifulSoup

from casestudies.blocks import CaseMakerBlock, EvidenceBlock
from casestudies.models import (
    SHORT_CODE_ALPHABET,
    CaseMakerPage,
    CaseMakerSectionPage,
    CaseStudyGlossaryTerm,
    CaseStudyPage,
    CaseStudyRelatedPost,
    video_provider,
)
from glossary.models import GlossaryIndexPage, GlossaryTermPage
from home.models import HomePage
from tests.base import UNREACHABLE_YOUTUBE, SiteTestCase
from tests.factories import ImageFactory, PersonFactory
from tests.factories.casestudies import (
    CaseMakerPageFactory,
    CaseMakerSectionPageFactory,
    CaseStudyPageFactory,
    EnablerFactory,
    ScaleFactory,
    SectorFactory,
)

EVIDENCE = {
    "figure": "9 million",
    "label": "people cared for others outside their family in 2020",
    "source": "YouGov for The Relationships Project",
    "source_url": "https://example.org/research",
}


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


class CaseMakerTestCase(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.case_maker = CaseMakerPageFactory(parent=cls.home)


class PageTreeTests(CaseMakerTestCase):
    def test_places_in_the_tree(self):
        self.assertAllowedParentPageTypes(CaseMakerPage, {HomePage})
        self.assertAllowedSubpageTypes(CaseMakerPage, {CaseMakerSectionPage, CaseStudyPage})
        self.assertAllowedParentPageTypes(CaseMakerSectionPage, {CaseMakerPage})
        self.assertAllowedSubpageTypes(CaseMakerSectionPage, set())
        self.assertAllowedParentPageTypes(CaseStudyPage, {CaseMakerPage})
        self.assertAllowedSubpageTypes(CaseStudyPage, set())

    def test_there_is_only_one_case_maker(self):
        self.assertFalse(CaseMakerPage.can_create_at(self.home))

    def test_every_page_and_route_renders(self):
        section = CaseMakerSectionPageFactory(parent=self.case_maker, slug="impact")
        story = CaseStudyPageFactory(parent=self.case_maker, slug="a-story")
        self.assertPageIsRenderable(self.case_maker)
        for route in ("/stories/", "/cards/", "/feed/", "/feed/atom/"):
            self.assertPageIsRenderable(self.case_maker, route_path=route)
        self.assertPageIsRenderable(section)
        self.assertPageIsRenderable(story)
        self.assertPageIsRenderable(story, route_path="/card/")

    def test_section_is_editable(self):
        section = CaseMakerSectionPageFactory(parent=self.case_maker, slug="impact", title="Impact")
        self.assertPageIsEditable(
            section,
            nested_form_data(
                {
                    "title": "Impact",
                    "slug": "impact",
                    "in_brief": "What changes.",
                    "body": streamfield(
                        [
                            ("evidence", EVIDENCE),
                            ("paragraph", rich_text("<p>Good relationships matter.</p>")),
                        ]
                    ),
                }
            ),
        )

    def test_editor_adds_a_story_with_every_kind_of_field(self):
        education = SectorFactory(slug="education")
        time = EnablerFactory(slug="time")
        team = ScaleFactory(slug="team")
        glossary = GlossaryIndexPage(title="Glossary", slug="glossary")
        self.home.add_child(instance=glossary)
        term = GlossaryTermPage(title="Social plumbing", slug="social-plumbing", short_definition="Pipes.")
        glossary.add_child(instance=term)
        self.login()
        data = nested_form_data(
            {
                "title": "The school breakfast club",
                "slug": "breakfast-club",
                "in_brief": "Breakfast together, every day.",
                "organisation": "Hill Primary",
                "place": "Leeds",
                "scale": team.pk,
                "storyteller_name": "Sam",
                "storyteller_role": "Head teacher",
                "what_they_did": "Opened the hall at eight.",
                "what_changed": "Pupils arrive calmer.",
                "evidence": streamfield([("evidence", EVIDENCE)]),
                "quotes": streamfield([("quote", {"text": "It starts the day.", "attribution": "A parent"})]),
                "body": streamfield([("paragraph", rich_text("<p>The longer story.</p>"))]),
                "glossary_terms": inline_formset([{"term": term.pk}]),
                "related_posts": inline_formset([]),
            }
        )
        # Checkbox lists post one value per box, which nested_form_data would number instead.
        data.update(sectors=[education.pk], enablers=[time.pk])
        self.assertCanCreate(self.case_maker, CaseStudyPage, data)
        story = CaseStudyPage.objects.get(slug="breakfast-club")
        self.assertEqual(list(story.sectors.all()), [education])
        self.assertEqual(story.scale, team)
        self.assertEqual(story.glossary_terms.get().term, term)
        self.assertEqual(len(story.short_code), 6)

    def test_storyteller_is_a_person_or_a_typed_name_not_both(self):
        story = CaseStudyPageFactory.build(storyteller=PersonFactory(), storyteller_name="Someone else")
        story.slug = "both"
        with self.assertRaises(ValidationError) as caught:
            self.case_maker.add_child(instance=story)
        self.assertIn("storyteller_name", caught.exception.message_dict)


class BlockTests(TestCase):
    def test_evidence_block_renders_figure_label_and_linked_source(self):
        html = EvidenceBlock().render(EvidenceBlock().to_python(EVIDENCE))
        soup = BeautifulSoup(html, "html.parser")
        self.assertEqual(soup.select_one(".evidence__figure").text, "9 million")
        self.assertIn("outside their family", soup.select_one(".evidence__label").text)
        link = soup.select_one(".evidence__source a")
        self.assertEqual(link["href"], "https://example.org/research")
        self.assertEqual(link.text, "YouGov for The Relationships Project")

    def test_evidence_block_without_a_link_names_the_source(self):
        block = EvidenceBlock()
        html = block.render(block.to_python({**EVIDENCE, "source_url": ""}))
        soup = BeautifulSoup(html, "html.parser")
        self.assertIsNone(soup.select_one(".evidence__source a"))
        self.assertIn("YouGov", soup.select_one(".evidence__source").text)

    def test_case_maker_body_offers_shared_blocks_and_evidence(self):
        names = set(CaseMakerBlock().child_blocks)
        self.assertIn("evidence", names)
        self.assertTrue({"heading", "paragraph", "image", "quote", "embed", "call_to_action"} <= names)

    def test_blocks_declare_editor_metadata(self):
        meta = EvidenceBlock().meta
        self.assertEqual(meta.icon, "decimal")
        self.assertTrue(meta.description)
        self.assertEqual(EvidenceBlock().get_preview_value()["figure"], "9 million")


class StoryBodyBlockTests(CaseMakerTestCase):
    def test_every_case_maker_block_renders_in_a_story(self):
        image = ImageFactory(title="Circles")
        document = Document.objects.create(title="Kit for Councils", file=ImageFactory().file)
        video = "https://www.youtube.com/watch?v=blocks"
        Embed.objects.create(
            hash=get_embed_hash(video, 800),  # the embed block asks for players 800 pixels wide
            url=video,
            max_width=800,
            type="video",
            html='<iframe title="Blocks" src="https://www.youtube.com/embed/blocks"></iframe>',
        )
        body = {
            "heading": {"text": "Why relationships", "level": "h2"},
            "paragraph": RichText("<p>A paragraph of the story.</p>"),
            "image": {
                "image": {"image": image, "decorative": False, "alt_text": "Two circles"},
                "caption": "A caption",
                "credit": "",
            },
            "quote": {"text": "The first mile.", "attribution": "David Robinson", "role": ""},
            "embed": video,
            "call_to_action": {
                "heading": "Join us",
                "text": "",
                "link_text": "Sign up",
                "url": "https://example.org/join",
            },
            "document": {"document": document, "title": ""},
            "testimonial": {"text": "Phenomenal.", "attribution": "", "role": "Action learning"},
            "accordion": {"items": [{"title": "What is it?", "body": RichText("<p>An answer.</p>")}]},
            "table": {"data": [["Sector", "Stories"], ["Education", "3"]], "first_row_is_table_header": True},
            "evidence": {**EVIDENCE, "figure": "70%"},
        }
        # A block added to the Case Maker's vocabulary must be added here too.
        self.assertEqual(set(body), set(CaseMakerBlock().child_blocks))
        story = CaseStudyPageFactory(parent=self.case_maker, slug="all-blocks", body=list(body.items()))
        response = self.client.get(story.url)
        self.assertEqual(response.status_code, 200)
        full_story = soup_of(response).select_one(".story__main .prose")
        for selector, text in (
            ("h2.block-heading", "Why relationships"),
            ("p", "A paragraph of the story."),
            (".block-image figcaption", "A caption"),
            (".block-quote", "The first mile."),
            (".block-cta a", "Sign up"),
            (".block-document a", "Kit for Councils"),
            (".testimonial", "Phenomenal."),
            (".block-accordion summary", "What is it?"),
            (".block-table th", "Sector"),
            (".evidence__figure", "70%"),
        ):
            with self.subTest(selector):
                self.assertIn(text, full_story.select_one(selector).text)
        self.assertEqual(full_story.select_one(".block-image img")["alt"], "Two circles")
        self.assertEqual(full_story.select_one(".block-embed iframe")["title"], "Blocks")


class CaseMakerPageTests(CaseMakerTestCase):
    def test_index_shows_introduction_uses_video_sections_and_stories(self):
        url = "https://www.youtube.com/watch?v=launch"
        Embed.objects.create(
            hash=get_embed_hash(url, 800),
            url=url,
            max_width=800,
            type="video",
            html='<iframe title="Case Maker launch" src="https://www.youtube.com/embed/launch"></iframe>',
        )
        self.case_maker.introduction = "<p>Evidence and stories.</p>"
        self.case_maker.use_it_to = "find a story\n\nprint cards for a workshop\n"
        self.case_maker.launch_video = url
        self.case_maker.save()
        CaseMakerSectionPageFactory(parent=self.case_maker, slug="what-we-mean", title="What we mean")
        CaseMakerSectionPageFactory(parent=self.case_maker, slug="impact", title="The impact")
        CaseMakerSectionPageFactory(parent=self.case_maker, slug="hidden", title="Draft section", live=False)
        CaseStudyPageFactory(parent=self.case_maker, slug="one", title="The allotment")

        soup = soup_of(self.client.get("/case-maker/"))
        self.assertEqual(len(soup.find_all("h1")), 1)
        self.assertEqual(
            [li.text for li in soup.select(".case-maker-uses li")],
            ["find a story", "print cards for a workshop"],
        )
        self.assertEqual(soup.select_one(".case-maker-video iframe")["title"], "Case Maker launch")
        self.assertEqual(
            [t.text for t in soup.select(".case-sections__title")], ["What we mean", "The impact"]
        )
        self.assertIn("The allotment", soup.select_one(".card-grid").text)
        self.assertEqual(soup.find("a", string="Explore all 1 story")["href"], "/case-maker/stories/")

    def launch_video(self, url, html, title=""):
        """A launch video whose player Wagtail finds in its Embed table, as after a successful lookup."""
        Embed.objects.create(
            hash=get_embed_hash(url, 800), url=url, max_width=800, type="video", html=html, title=title
        )
        self.case_maker.launch_video = url
        self.case_maker.save()
        return soup_of(self.client.get("/case-maker/"))

    def test_launch_video_player_always_has_a_title(self):
        soup = self.launch_video(
            "https://vimeo.com/76979871",
            '<iframe src="https://player.vimeo.com/video/76979871" allowfullscreen></iframe>',
            title="Launching the Case Maker",
        )
        self.assertEqual(soup.select_one(".case-maker-video iframe")["title"], "Launching the Case Maker")

    def test_launch_video_player_is_titled_even_when_the_provider_gives_no_title(self):
        soup = self.launch_video(
            "https://www.youtube.com/watch?v=untitled",
            '<iframe src="https://www.youtube.com/embed/untitled"></iframe>',
        )
        frame = soup.select_one(".case-maker-video iframe")
        self.assertEqual(frame["title"], "The Case Maker launch conversation")
        self.assertEqual(frame["src"], "https://www.youtube.com/embed/untitled")

    @override_settings(WAGTAILEMBEDS_FINDERS=UNREACHABLE_YOUTUBE)
    def test_launch_video_is_a_link_when_its_player_cannot_be_found(self):
        url = "https://www.youtube.com/watch?v=offline"
        self.case_maker.launch_video = url
        self.case_maker.save()
        response = self.client.get("/case-maker/")
        self.assertEqual(response.status_code, 200)
        soup = soup_of(response)
        self.assertIsNone(soup.find("iframe"))
        link = soup.select_one(".case-maker-video a")
        self.assertEqual(link["href"], url)
        self.assertEqual(link.text, "Watch the launch conversation on YouTube")
        self.assertFalse(Embed.objects.filter(url=url).exists())

    def test_a_malformed_stored_address_has_no_provider(self):
        self.assertIsNone(video_provider("http://[::1"))
        self.assertEqual(video_provider("https://m.youtube.com/watch?v=abc"), "YouTube")

    def test_launch_video_must_be_on_youtube_or_vimeo(self):
        for url in ("https://www.youtube.com/watch?v=abc", "https://youtu.be/abc", "https://vimeo.com/1"):
            self.case_maker.launch_video = url
            self.case_maker.full_clean()
        for url in ("https://example.org/video.mp4", "https://notyoutube.com/watch?v=abc"):
            self.case_maker.launch_video = url
            with self.subTest(url), self.assertRaises(ValidationError) as caught:
                self.case_maker.full_clean()
            self.assertIn("launch_video", caught.exception.message_dict)

    def test_public_policy_frames_youtube_and_vimeo_players_only(self):
        policy = self.client.get("/case-maker/")["Content-Security-Policy"]
        frame_src = next(part.split()[1:] for part in policy.split(";") if part.split()[0] == "frame-src")
        self.assertEqual(
            sorted(frame_src),
            ["https://player.vimeo.com", "https://www.youtube-nocookie.com", "https://www.youtube.com"],
        )

    def test_sitemap_lists_the_story_explorer(self):
        response = self.client.get("/sitemap.xml")
        self.assertContains(response, "<loc>http://localhost/case-maker/stories/</loc>")

    def test_sections_number_themselves_and_link_to_neighbours(self):
        first = CaseMakerSectionPageFactory(parent=self.case_maker, slug="first", title="First part")
        second = CaseMakerSectionPageFactory(parent=self.case_maker, slug="second", title="Second part")
        CaseMakerSectionPageFactory(parent=self.case_maker, slug="third", title="Third part")
        soup = soup_of(self.client.get(second.url))
        self.assertIn("Part 2 of 3", soup.find("main").text)
        pager = soup.find("nav", attrs={"aria-label": "Parts of the case"})
        self.assertEqual(pager.find("a", rel="prev")["href"], first.url)
        self.assertEqual(pager.find("a", rel="next")["href"], "/case-maker/third/")
        self.assertEqual(soup.select_one(".evidence__figure").text, "9 million")


class StoryPageTests(CaseMakerTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.sector = SectorFactory(name="Public health", slug="public-health")
        cls.enabler = EnablerFactory(name="Time", slug="time")
        cls.person = PersonFactory(name="David Robinson", role="Co-founder")

    def make_story(self, **fields):
        defaults = {
            "parent": self.case_maker,
            "slug": "little-chat",
            "title": "A little chat with Maureen",
            "sectors": [self.sector],
            "enablers": [self.enabler],
            "storyteller": self.person,
            "evidence": [("evidence", EVIDENCE)],
            "quotes": [
                ("quote", {"text": "I like a little chat.", "attribution": "A patient", "role": ""}),
                ("quote", {"text": "Second quote.", "attribution": "A doctor", "role": ""}),
            ],
            "body": [("evidence", {**EVIDENCE, "figure": "70%"}), ("paragraph", RichText("<p>Longer.</p>"))],
        }
        return CaseStudyPageFactory(**{**defaults, **fields})

    def test_story_shows_facts_evidence_quotes_and_filter_links(self):
        story = self.make_story(organisation="Riverside Surgery", place="East London")
        soup = soup_of(self.client.get(story.url))
        main = soup.find("main")
        self.assertEqual(main.find("h1").text, "A little chat with Maureen")
        facts = main.select_one(".story__facts").text
        for text in ("Riverside Surgery", "East London", "Organisation", "David Robinson, Co-founder"):
            self.assertIn(text, facts)
        self.assertEqual([f.text for f in main.select(".evidence__figure")], ["9 million", "70%"])
        self.assertEqual(len(main.select(".block-quote")), 2)
        self.assertEqual(main.find("a", string="Time")["href"], "/case-maker/stories/?enabler=time")
        self.assertEqual(
            main.find("a", string="Public health")["href"], "/case-maker/stories/?sector=public-health"
        )
        self.assertEqual(
            main.find("a", string="Organisation")["href"], "/case-maker/stories/?scale=organisation"
        )
        self.assertEqual(main.find("a", string="Print the case card")["href"], story.url + "card/")

    def test_typed_storyteller_and_role(self):
        story = self.make_story(storyteller=None, storyteller_name="Neil Denton", storyteller_role="Mediator")
        facts = soup_of(self.client.get(story.url)).select_one(".story__facts").text
        self.assertIn("Neil Denton, Mediator", facts)

    def test_related_terms_and_posts_in_order_without_drafts_or_private_pages(self):
        from blog.models import BlogIndexPage, BlogPage

        glossary = GlossaryIndexPage(title="Glossary", slug="glossary")
        self.home.add_child(instance=glossary)
        terms = []
        for slug, live in (("weaving", True), ("plumbing", True), ("draft-term", False)):
            term = GlossaryTermPage(title=slug.title(), slug=slug, short_definition="x", live=live)
            glossary.add_child(instance=term)
            terms.append(term)
        blog = BlogIndexPage(title="Blog", slug="blog", in_brief="x")
        self.home.add_child(instance=blog)
        public_post = BlogPage(title="Public post", slug="public", in_brief="x", body=[])
        private_post = BlogPage(title="Private post", slug="private", in_brief="x", body=[])
        blog.add_child(instance=public_post)
        blog.add_child(instance=private_post)
        PageViewRestriction.objects.create(page=private_post, restriction_type="password", password="x")
        document = Document.objects.create(title="The long read", file=ImageFactory().file)

        story = self.make_story(document=document)
        for order, term in enumerate([terms[1], terms[2], terms[0]]):
            CaseStudyGlossaryTerm.objects.create(page=story, term=term, sort_order=order)
        CaseStudyRelatedPost.objects.create(page=story, post=private_post, sort_order=0)
        CaseStudyRelatedPost.objects.create(page=story, post=public_post, sort_order=1)

        aside = soup_of(self.client.get(story.url)).select_one(".story__aside")
        links = [a.text for a in aside.select(".story__links a")]
        self.assertEqual(links, ["Plumbing", "Weaving", "Public post"])
        self.assertEqual(aside.find("a", string="The long read")["href"], document.url)

    def test_open_graph_and_article_json_ld(self):
        story = self.make_story(
            title="Breakfast </script><script>alert(1)</script>", social_image=ImageFactory()
        )
        published = datetime.datetime(2025, 3, 1, 9, 30, tzinfo=datetime.UTC)
        CaseStudyPage.objects.filter(pk=story.pk).update(first_published_at=published)
        response = self.client.get(story.url)
        soup = soup_of(response)
        self.assertEqual(soup.find("meta", property="og:type")["content"], "article")
        self.assertEqual(
            soup.find("meta", property="og:url")["content"], "http://localhost/case-maker/little-chat/"
        )
        self.assertEqual(soup.find("meta", property="article:tag")["content"], "Public health")
        self.assertTrue(soup.find("meta", property="og:image")["content"].startswith("http://"))
        scripts = soup.find_all("script", type="application/ld+json")
        self.assertEqual(len(scripts), 1)
        self.assertNotIn("</script><script>", response.content.decode())
        data = json.loads(scripts[0].string)
        self.assertEqual(data["@type"], "Article")
        self.assertEqual(data["headline"], story.title)
        self.assertEqual(data["author"], {"@type": "Person", "name": "David Robinson"})
        self.assertEqual(data["keywords"], ["Public health"])
        self.assertTrue(data["image"].startswith("http://localhost/"))
        self.assertEqual(data["datePublished"], "2025-03-01T09:30:00Z")
        self.assertEqual(data["dateModified"], "2025-03-01T09:30:00Z")


class ShortAddressTests(CaseMakerTestCase):
    def test_each_story_gets_a_distinct_code_from_an_unambiguous_alphabet(self):
        codes = {CaseStudyPageFactory(parent=self.case_maker, slug=f"s{i}").short_code for i in range(5)}
        self.assertEqual(len(codes), 5)
        for code in codes:
            self.assertEqual(len(code), 6)
            self.assertTrue(set(code) <= set(SHORT_CODE_ALPHABET))

    def test_short_address_redirects_and_survives_a_slug_change(self):
        story = CaseStudyPageFactory(parent=self.case_maker, slug="old-slug")
        code = story.short_code
        response = self.client.get(f"/c/{code}/")
        self.assertRedirects(response, "/case-maker/old-slug/", fetch_redirect_response=False)

        story.slug = "new-slug"
        story.save_revision().publish()
        story.refresh_from_db()
        self.assertEqual(story.short_code, code)
        response = self.client.get(f"/c/{code.upper()}/")
        self.assertRedirects(response, "/case-maker/new-slug/")

    def test_drafts_private_and_unknown_codes_are_not_found(self):
        draft = CaseStudyPageFactory(parent=self.case_maker, slug="draft", live=False)
        private = CaseStudyPageFactory(parent=self.case_maker, slug="private")
        PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
        for code in (draft.short_code, private.short_code, "zzzzzz", "not a code"):
            self.assertEqual(self.client.get(f"/c/{code}/").status_code, 404)

    def test_a_copied_story_gets_its_own_code(self):
        story = CaseStudyPageFactory(parent=self.case_maker, slug="original")
        copy = story.copy(update_attrs={"slug": "copy", "title": "Copy"})
        self.assertNotEqual(copy.short_code, story.short_code)
        self.assertEqual(len(copy.short_code), 6)


class CardTests(CaseMakerTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.education = SectorFactory(name="Education", slug="education")
        cls.story = CaseStudyPageFactory(
            parent=cls.case_maker,
            slug="breakfast-club",
            title="The breakfast club",
            sectors=[cls.education],
            what_they_did="Opened the hall at eight.",
            what_changed="Pupils arrive calmer.",
            quotes=[
                ("quote", {"text": "It starts the day.", "attribution": "A parent", "role": "Year 3"}),
                ("quote", {"text": "Not on the card.", "attribution": "Someone", "role": ""}),
            ],
        )
        cls.other = CaseStudyPageFactory(parent=cls.case_maker, slug="allotment", title="The allotment")
        cls.draft = CaseStudyPageFactory(parent=cls.case_maker, slug="draft", title="Draft story", live=False)
        cls.private = CaseStudyPageFactory(parent=cls.case_maker, slug="private", title="Private story")
        PageViewRestriction.objects.create(page=cls.private, restriction_type="password", password="x")

    def test_card_has_the_essence_short_address_and_qr_code(self):
        response = self.client.get("/case-maker/breakfast-club/card/")
        soup = soup_of(response)
        card = soup.select_one(".case-card")
        self.assertEqual(soup.find("h1").text, "The breakfast club")
        self.assertIn("Education", card.select_one(".case-card__label").text)
        self.assertIn("Opened the hall at eight.", card.text)
        self.assertIn("Pupils arrive calmer.", card.text)
        self.assertEqual(card.select_one(".case-card__quote blockquote").text.strip(), "It starts the day.")
        self.assertNotIn("Not on the card.", card.text)
        short_url = f"http://localhost/c/{self.story.short_code}/"
        self.assertEqual(card.select_one(".case-card__url a")["href"], short_url)
        svg = card.select_one(".case-card__qr svg")
        self.assertEqual(svg["aria-hidden"], "true")
        self.assertTrue(svg.find("path")["d"].startswith("M"))
        self.assertEqual(soup.find("meta", attrs={"name": "robots"})["content"], "noindex")
        self.assertEqual(
            soup.find("link", rel="canonical")["href"], "http://localhost/case-maker/breakfast-club/"
        )
        stylesheets = [link["href"] for link in soup.find_all("link", rel="stylesheet", media="print")]
        self.assertIn("/static/css/casestudies-print.css", stylesheets)
        self.assertEqual(soup.select_one(".case-deck")["data-paper"], "a5")

    def test_paper_size_is_a4_only_when_asked(self):
        self.assertEqual(
            soup_of(self.client.get(self.story.url + "card/?paper=a4")).select_one(".case-deck")[
                "data-paper"
            ],
            "a4",
        )
        self.assertEqual(
            soup_of(self.client.get(self.story.url + "card/?paper=<b>")).select_one(".case-deck")[
                "data-paper"
            ],
            "a5",
        )

    def test_deck_has_every_published_public_card_with_its_short_address(self):
        soup = soup_of(self.client.get("/case-maker/cards/"))
        titles = [h.text for h in soup.select(".case-card__title")]
        self.assertCountEqual(titles, ["The breakfast club", "The allotment"])
        urls = {a["href"] for a in soup.select(".case-card__url a")}
        self.assertEqual(urls, {f"http://localhost/c/{s.short_code}/" for s in (self.story, self.other)})
        self.assertEqual(len(soup.select(".case-card__qr svg")), 2)
        self.assertEqual(len(soup.find_all("h1")), 1)

    def test_deck_can_be_filtered_like_the_explorer(self):
        soup = soup_of(self.client.get("/case-maker/cards/?sector=education&sector=junk"))
        self.assertEqual([h.text for h in soup.select(".case-card__title")], ["The breakfast club"])

    def test_cards_of_drafts_and_private_stories_are_not_served(self):
        self.assertEqual(self.client.get("/case-maker/draft/card/").status_code, 404)
        response = self.client.get("/case-maker/private/card/")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("Private story", response.content.decode())
