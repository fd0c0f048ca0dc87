"""Stored XSS: hostile text in every editable field renders inert on the public site and in the admin.

Each payload class fills every text field editors (or readers, for suggestions) can set with one
payload, then parses every page that shows those fields: no script carries the payload, no element
gains an event-handler attribute, no link or source uses a javascript: or data: address, and
JSON-LD still parses. Every page must also show the payload's marker, so the checks can fail.
"""

import datetime
import json
import re
import xml.etree.ElementTree as ET

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse

from wagtail import blocks
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.embeds.blocks import EmbedBlock

import wagtail_factories
from bs4 import BeautifulSoup

from blog.models import BlogPage
from casestudies.blocks import EvidenceBlock
from core.blocks import RICH_TEXT_FEATURES, CallToActionBlock
from events.models import EventFormat, EventPagePartner, EventPageSpeaker
from tests.base import SiteTestCase
from tests.factories import ImageFactory, PersonFactory, StandardPageFactory
from tests.factories.blog import BlogIndexPageFactory, BlogPageFactory, CategoryFactory, SeriesFactory
from tests.factories.casestudies import (
    CaseMakerPageFactory,
    CaseMakerSectionPageFactory,
    CaseStudyPageFactory,
    EnablerFactory,
    ScaleFactory,
    SectorFactory,
)
from tests.factories.events import EventIndexPageFactory, EventPageFactory, EventSeriesFactory
from tests.factories.glossary import (
    GlossaryGroupFactory,
    GlossaryIndexPageFactory,
    GlossarySuggestionFactory,
    GlossaryTermPageFactory,
)
from tests.map.hostile import submit_hostile_entry

MARKER = "xss("
# Each payload fits the shortest text field it goes into (80 characters) and carries MARKER.
PAYLOADS = {
    "script_and_handler": '<script>xss(1)</script>"><img src=x onerror=xss(2)>',
    "element_breakout": "'><svg onload=xss(3)></title></textarea></script><script>xss(4)</script>",
    "javascript_url": 'javascript:xss(5)//" onmouseover="xss(6)" x="]]><b>',
    "data_url": "data:text/html,<script>xss(7)</script><iframe src=javascript:xss(8)>",
}
FEED_HTML_ELEMENTS = {"description", "{http://purl.org/rss/1.0/modules/content/}encoded"}
ATOM_TEXT_CONSTRUCTS = {f"{{http://www.w3.org/2005/Atom}}{name}" for name in ("title", "summary", "content")}
SCRIPT_DATA_TYPES = {"application/ld+json", "application/json"}
URL_ATTRIBUTES = {
    "href",
    "src",
    "srcset",
    "action",
    "formaction",
    "xlink:href",
    "poster",
    "data",
    "background",
}
UNSAFE_SCHEMES = ("javascript:", "data:", "vbscript:")


def attribute_text(value):
    return " ".join(value) if isinstance(value, list) else value


def unsafe_url(value):
    """Whether a URL attribute would run code: browsers ignore whitespace and control characters."""
    return re.sub(r"[\x00-\x20]", "", value).lower().startswith(UNSAFE_SCHEMES)


def xss_findings(html, *, strict):
    """Every way the parsed document could run a payload. `strict` (the public site) also forbids
    event-handler attributes and javascript:/data: URLs that carry no payload, which the site never uses."""
    soup = BeautifulSoup(html, "html.parser")
    findings = []
    for script in soup.find_all("script"):
        text = script.string or ""
        if script.get("type", "").lower() in SCRIPT_DATA_TYPES:
            try:
                json.loads(text)
            except ValueError:
                findings.append(f"data script no longer parses: {text[:120]!r}")
        elif MARKER in text or MARKER in script.get("src", ""):
            findings.append(f"script runs the payload: {str(script)[:120]!r}")
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            value = attribute_text(value)
            carries = MARKER in value or MARKER in name
            if name.startswith("on") and (strict or carries):
                findings.append(f"<{tag.name} {name}={value[:80]!r}>")
            if name in URL_ATTRIBUTES and unsafe_url(value) and (strict or carries):
                findings.append(f"<{tag.name} {name}={value[:80]!r}>")
    return findings


def carries_html(element):
    """Whether a feed reader renders this RSS or Atom element's text as HTML (titles are plain text)."""
    if element.tag in FEED_HTML_ELEMENTS:
        return True
    return element.tag in ATOM_TEXT_CONSTRUCTS and element.get("type") in ("html", "xhtml")


def editor_rich_text(payload):
    """Rich text as the admin stores a hostile Draftail submission: the payload as text and as a link."""
    contentstate = {
        "blocks": [
            {
                "key": "xss01",
                "type": "unstyled",
                "depth": 0,
                "text": payload,
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": 0, "length": len(payload), "key": 0}],
            }
        ],
        "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": payload}}},
    }
    return ContentstateConverter(features=RICH_TEXT_FEATURES).to_database_format(json.dumps(contentstate))


def body_blocks(payload, image, document, *, evidence=False):
    """Every block type of the shared BodyBlock (and the Case Maker's evidence) with the payload in every
    text field, the image's alt text, the embed's address and the table's cells and caption."""
    rich = editor_rich_text(payload)
    stream = [
        {"type": "heading", "value": {"text": payload, "level": "h2"}},
        {"type": "paragraph", "value": rich},
        {
            "type": "image",
            "value": {
                "image": {"image": image.pk, "alt_text": payload, "decorative": False},
                "caption": payload,
                "credit": payload,
            },
        },
        {"type": "quote", "value": {"text": payload, "attribution": payload, "role": payload}},
        {"type": "embed", "value": payload},
        {
            "type": "call_to_action",
            "value": {"heading": payload, "text": payload, "link_text": payload, "page": None, "url": ""},
        },
        {"type": "document", "value": {"document": document.pk, "title": payload}},
        {"type": "testimonial", "value": {"text": payload, "attribution": payload, "role": payload}},
        {"type": "accordion", "value": {"items": [{"title": payload, "body": rich}]}},
        {
            "type": "table",
            "value": {
                "data": [[payload, payload], [payload, payload]],
                "first_row_is_table_header": True,
                "first_col_is_header": True,
                "table_caption": payload,
            },
        },
    ]
    if evidence:
        stream.append(
            {
                "type": "evidence",
                "value": {"figure": payload, "label": payload, "source": payload, "source_url": ""},
            }
        )
    return stream


class StoredXSSTestCase(SiteTestCase):
    """Builds the whole site with `payload` in every field; subclasses choose the payload."""

    payload = PAYLOADS["script_and_handler"]

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        p = cls.payload
        image = ImageFactory(title=p, description=p)
        document = wagtail_factories.DocumentFactory(title=p)
        person = PersonFactory(name=p, role=p, bio=p)
        page_fields = {"seo_title": p, "search_description": p, "in_brief": p}

        glossary = GlossaryIndexPageFactory(parent=cls.home, introduction=p)
        group = GlossaryGroupFactory(name=p, description=p)
        term = GlossaryTermPageFactory(
            parent=glossary,
            title=p,
            slug="hostile-term",
            short_definition=p,
            also_called=p,
            group=group,
            explanation=editor_rich_text(p),
            quoted_definition=p,
            quote_source=p,
        )
        marked = f'<p><a linktype="glossary" id="{term.pk}">{p.replace("<", "&lt;")}</a></p>'
        body = [*body_blocks(p, image, document), {"type": "paragraph", "value": marked}]

        standard = StandardPageFactory(parent=cls.home, title=p, slug="hostile", body=body, **page_fields)

        blog = BlogIndexPageFactory(parent=cls.home, in_brief=p)
        category = CategoryFactory(name=p, slug="hostile-category", description=p)
        series = SeriesFactory(title=p, slug="hostile-series", description=p)
        convenings = EventIndexPageFactory(parent=cls.home, intro=p)
        event_series = EventSeriesFactory(name=p, slug="hostile-convenings", description=p)
        events = {}
        gone = datetime.datetime(2024, 5, 1, 10, tzinfo=datetime.UTC)
        for slug, start in (("coming", None), ("gone", gone)):
            extra = {"start": start, "end": start + datetime.timedelta(hours=2)} if start else {}
            event = EventPageFactory(
                parent=convenings,
                slug=slug,
                title=p,
                format=EventFormat.HYBRID,
                venue_name=p,
                venue_address=p,
                places=p,
                attendance=p,
                series=event_series,
                body=body,
                reflections=body,
                publish=False,
                **page_fields,
                **extra,
            )
            EventPageSpeaker.objects.create(page=event, person=person, role=p)
            EventPagePartner.objects.create(page=event, name=p, url="https://example.org/")
            event.save_revision().publish()
            events[slug] = event
        post = BlogPageFactory(
            parent=blog,
            slug="hostile-post",
            title=p,
            date="2024-03-01",
            hero_image=image,
            hero_alt=p,
            guest_author=p,
            category=category,
            series=series,
            related_convening=events["gone"],
            authors=[person],
            tags=[p[:90]],
            body=body,
            **page_fields,
        )
        BlogPageFactory(parent=blog, title=p, category=category, authors=[person], slug="hostile-sibling")

        case_maker = CaseMakerPageFactory(
            parent=cls.home, introduction=editor_rich_text(p), use_it_to=p, **page_fields
        )
        section = CaseMakerSectionPageFactory(
            parent=case_maker,
            slug="hostile-section",
            title=p,
            body=body_blocks(p, image, document, evidence=True),
        )
        story = CaseStudyPageFactory(
            parent=case_maker,
            slug="hostile-story",
            title=p,
            organisation=p,
            place=p,
            storyteller_name=p,
            storyteller_role=p,
            what_they_did=p,
            what_changed=p,
            evidence=[
                {"type": "evidence", "value": {"figure": p, "label": p, "source": p, "source_url": ""}}
            ],
            quotes=[{"type": "quote", "value": {"text": p, "attribution": p, "role": p}}],
            body=body_blocks(p, image, document, evidence=True),
            document=document,
            listing_image=image,
            sectors=[SectorFactory(name=p, slug="hostile-sector", description=p)],
            scale=ScaleFactory(name=p, slug="hostile-scale", description=p),
            enablers=[EnablerFactory(name=p, slug="hostile-enabler", description=p)],
            **page_fields,
        )
        suggestion = GlossarySuggestionFactory(term=p, definition=p, source=p, name=p)
        map_entry, map_urls = submit_hostile_entry(cls.home, p, editor_rich_text(p), linked_term=term)
        SearchPromotion.objects.create(query=Query.get("xss"), page=post, description=p, sort_order=0)
        SearchPromotion.objects.create(
            query=Query.get("xss"),
            external_link_url="https://example.org/",
            external_link_text=p,
            description=p,
            sort_order=1,
        )
        cls.objects = {
            "image": image,
            "document": document,
            "person": person,
            "category": category,
            "series": series,
            "event_series": event_series,
            "sector": story.sectors.get(),
            "scale": story.scale,
            "enabler": story.enablers.get(),
            "group": group,
            "suggestion": suggestion,
            "theme": map_entry.themes.get(),
            "map_entry": map_entry,
        }
        cls.pages = [
            standard,
            blog,
            post,
            convenings,
            *events.values(),
            case_maker,
            section,
            story,
            glossary,
            term,
        ]
        cls.public_urls = [
            "/",
            standard.url,
            "/blog/",
            post.url,
            "/blog/category/hostile-category/",
            f"/blog/tag/{post.tags.get().slug}/",
            f"/blog/author/{person.slug}/",
            "/blog/2024/",
            "/blog/series/hostile-series/",
            "/convenings/",
            events["coming"].url,
            events["gone"].url,
            "/convenings/past/",
            "/convenings/series/hostile-convenings/",
            "/case-maker/",
            "/case-maker/stories/",
            "/case-maker/cards/",
            section.url,
            story.url,
            f"{story.url}card/",
            "/glossary/",
            "/glossary/?view=a-z",
            term.url,
            "/search/?q=xss",
            *map_urls,
        ]
        cls.feed_urls = [
            "/blog/feed/",
            "/blog/feed/atom/",
            "/blog/category/hostile-category/feed/",
            "/blog/series/hostile-series/feed/",
            "/convenings/feed/",
            "/case-maker/feed/",
            "/case-maker/feed/atom/",
            "/glossary/feed/",
            "/map/feed/",
        ]
        cls.admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw")

    def assert_inert(self, url, html, *, strict):
        shown = (
            MARKER in html or MARKER in BeautifulSoup(html, "html.parser").get_text()
        )  # search marks words
        self.assertTrue(shown, f"{url} does not show the payload, so this check proves nothing")
        self.assertEqual(xss_findings(html, strict=strict), [], url)

    def test_public_pages_render_the_payload_inert(self):
        for url in [*self.public_urls, f"/search/?q={self.payload}"]:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assert_inert(url, response.content.decode(), strict=True)

    def test_feeds_carry_the_payload_as_escaped_text(self):
        """Feed readers render item HTML: the XML must parse, and the HTML inside it must be inert."""
        for url in self.feed_urls:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                root = ET.fromstring(response.content)  # noqa: S314 - our own output
                html = [element.text or "" for element in root.iter() if carries_html(element)]
                self.assertIn(MARKER, " ".join(html), url)
                for text in html:
                    self.assertEqual(xss_findings(text, strict=True), [], url)

    def test_admin_listings_and_edit_views_render_the_payload_inert(self):
        self.client.force_login(self.admin)
        objects = self.objects
        urls = [
            reverse("wagtailadmin_pages:search") + "?q=xss",
            reverse("wagtailadmin_explore", args=[self.home.pk]),
            *(
                reverse("wagtailadmin_explore", args=[page.pk])
                for page in self.pages
                if page.get_children_count()
            ),
            *(reverse("wagtailadmin_pages:edit", args=[page.pk]) for page in self.pages),
            reverse("wagtailadmin_pages:history", args=[self.pages[2].pk]),
            reverse("wagtailimages:index"),
            reverse("wagtailimages:edit", args=[objects["image"].pk]),
            reverse("wagtaildocs:index"),
            reverse("wagtaildocs:edit", args=[objects["document"].pk]),
            reverse("casestudies_casestudypage_modeladmin_index"),
            reverse("glossary_glossarysuggestion_modeladmin_index"),
            reverse("glossary_glossarysuggestion_modeladmin_inspect", args=[objects["suggestion"].pk]),
            reverse("glossary_glossarysuggestion_modeladmin_edit", args=[objects["suggestion"].pk]),
            reverse("wagtailsearchpromotions:index"),
            reverse("wagtailsearchpromotions:edit", args=[Query.get("xss").pk]),
            reverse("map_entries:index"),
            reverse("map_entries:edit", args=[objects["map_entry"].pk]),
            reverse("map_entries:moderate", args=[objects["map_entry"].pk]),
        ]
        keys = ("person", "category", "series", "event_series", "sector", "scale", "enabler", "group")
        for key in (*keys, "theme"):
            meta = objects[key]._meta
            prefix = f"wagtailsnippets_{meta.app_label}_{meta.model_name}"
            urls += [reverse(f"{prefix}:list"), reverse(f"{prefix}:edit", args=[objects[key].pk])]
        for url in urls:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assert_inert(url, response.content.decode(), strict=False)


class ElementBreakoutTests(StoredXSSTestCase):
    payload = PAYLOADS["element_breakout"]


class JavascriptURLTests(StoredXSSTestCase):
    payload = PAYLOADS["javascript_url"]


class DataURLTests(StoredXSSTestCase):
    payload = PAYLOADS["data_url"]


class URLFieldValidationTests(SiteTestCase):
    """Fields that become links refuse script-running addresses when editors save them."""

    def test_url_blocks_and_fields_refuse_script_addresses(self):
        for address in ("javascript:xss(1)", "JaVaScRiPt:xss(1)", "data:text/html,<script>xss(1)</script>"):
            with self.subTest(address=address):
                url_blocks = (
                    blocks.URLBlock(),
                    EmbedBlock(),
                    CallToActionBlock().child_blocks["url"],
                    EvidenceBlock().child_blocks["source_url"],
                )
                for block in url_blocks:
                    with self.assertRaises(ValidationError):
                        block.clean(block.to_python(address))
                promotion = SearchPromotion(query=Query.get("x"), external_link_url=address, description="x")
                with self.assertRaises(ValidationError):
                    promotion.full_clean()

    def test_rich_text_links_drop_script_addresses(self):
        for address in ("javascript:xss(1)", "data:text/html,<script>xss(1)</script>"):
            with self.subTest(address=address):
                stored = editor_rich_text(address)
                self.assertEqual(xss_findings(stored, strict=True), [])

    def test_hostile_slugs_are_refused(self):
        post = BlogPage(title="x", slug='x"><script>xss(1)</script>')
        with self.assertRaises(ValidationError) as caught:
            post.full_clean()
        self.assertIn("slug", caught.exception.message_dict)
