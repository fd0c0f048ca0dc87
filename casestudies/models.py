"""The Case Maker: the case for putting relationships first, in sections, evidence and real stories.

The four sections of the case are child pages of the Case Maker (`CaseMakerSectionPage`) rather than
StreamField sections, so each has its own address, revision history and place in the page tree that
editors can reorder. Stories (`CaseStudyPage`) sit beside them and are listed by the explorer route.
"""

import secrets
from urllib.parse import urlsplit

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import strip_tags

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from editorial.checklist import ChecklistPanel
from editorial.guide import GuidePanel
from editorial.previews import CardPreviewMixin
from home.blocks import QuoteBlock
from home.listings import attach_images, in_link_order
from home.models import READ_ONLY_HTTP_METHODS, ListingFieldsMixin, SiteSettings
from home.page_forms import SitePageForm
from home.render_memo import social_rendition
from home.site_url import site_root
from home.visibility import PublicPage

from .blocks import CaseMakerBlock, EvidenceBlock
from .explorer import StoryExplorer
from .feeds import CaseStudyAtomFeed, CaseStudyFeed

SHORT_CODE_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"  # no 0/o, 1/l/i: easy to type from paper
SHORT_CODE_LENGTH = 6
STORIES_PER_PAGE = 12
# The players the site's Content-Security-Policy lets into a frame (see EMBED_FRAME_ORIGINS).
VIDEO_HOSTS = {
    "youtube.com": "YouTube",
    "youtu.be": "YouTube",
    "youtube-nocookie.com": "YouTube",
    "vimeo.com": "Vimeo",
}


def new_short_code():
    """A random code for a story's short address, unique among stories."""
    while True:
        code = "".join(secrets.choice(SHORT_CODE_ALPHABET) for _ in range(SHORT_CODE_LENGTH))
        if not CaseStudyPage.objects.filter(short_code=code).exists():
            return code


def live_in_order(links, field):
    """The published, public pages that `links` (an inline panel's rows) point to through `field`,
    in the links' order."""
    model = links.model._meta.get_field(field).related_model
    return list(in_link_order(model.objects.live().public(), links, field))


def paper_size(request):
    """The paper the card views are laid out for: A5 unless ?paper=a4."""
    return "a4" if request.GET.get("paper") == "a4" else "a5"


def video_provider(url):
    """'YouTube' or 'Vimeo' for an address on either (with www., m. or player.), otherwise None."""
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:  # e.g. "http://[::1", which only a value that skipped validation can hold
        return None
    return next(
        (name for domain, name in VIDEO_HOSTS.items() if host == domain or host.endswith("." + domain)), None
    )


class ExplorerLabel(models.Model):
    """A value readers filter stories by, with a label and description editors can change."""

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(
        max_length=80, unique=True, help_text="Used in filtered addresses, e.g. ?sector=education"
    )
    description = models.CharField(
        max_length=200, blank=True, help_text="One sentence shown under the filter in the story explorer."
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


@register_snippet
class Sector(ExplorerLabel):
    """A field of work such as social care, education or deathcare."""

    class Meta(ExplorerLabel.Meta):
        pass


@register_snippet
class Enabler(ExplorerLabel):
    """Something that made relationship-centred practice possible, such as time or continuity."""

    class Meta(ExplorerLabel.Meta):
        pass


@register_snippet
class Scale(Orderable, ExplorerLabel):
    """How far a story's change reached, from one person to a whole system; editors set the order."""

    class Meta(ExplorerLabel.Meta):
        ordering = ["sort_order", "name"]


class CaseMakerPage(RoutablePageMixin, ListingFieldsMixin, PublicPage, Page):
    """The Case Maker's front page at /case-maker/, with the story explorer, card deck and feed."""

    introduction = RichTextField(
        features=["bold", "italic", "link", "ul"],
        blank=True,
        help_text="A few sentences on what the Case Maker is and who it is for.",
    )
    use_it_to = models.TextField(
        "Use it to…",
        blank=True,
        help_text="One use per line, each finishing the sentence 'Use it to…', e.g. 'find a story for your board'.",
    )
    launch_video = models.URLField(
        blank=True, help_text="Address of the launch conversation on YouTube or Vimeo; leave blank for none."
    )

    search_fields = [
        *Page.search_fields,
        *ListingFieldsMixin.search_fields,
        index.SearchField("introduction"),
    ]
    content_panels = [
        GuidePanel(),
        *Page.content_panels,
        FieldPanel("in_brief"),
        FieldPanel("introduction"),
        FieldPanel("use_it_to"),
        FieldPanel("launch_video"),
        HelpPanel(
            "The four sections of the case are child pages of this page, shown in page-tree order. "
            "Stories are child pages too; the explorer, cards and feed list them automatically."
        ),
    ]
    promote_panels = [*Page.promote_panels, *ListingFieldsMixin.promote_panels]

    base_form_class = SitePageForm
    allowed_http_methods = READ_ONLY_HTTP_METHODS
    parent_page_types = ["home.HomePage"]
    subpage_types = ["casestudies.CaseMakerSectionPage", "casestudies.CaseStudyPage"]
    max_count = 1
    page_description = "The Case Maker's front page, with the story explorer."

    class Meta:
        verbose_name = "Case Maker"
        verbose_name_plural = "Case Makers"

    def clean(self):
        super().clean()
        if self.launch_video and not video_provider(self.launch_video):
            raise ValidationError({"launch_video": "Use the address of a video on YouTube or Vimeo."})

    def launch_video_provider(self):
        return video_provider(self.launch_video)

    def stories(self):
        """Published, public stories of this Case Maker, newest first."""
        return CaseStudyPage.objects.child_of(self).live().public().order_by("-first_published_at", "-pk")

    def uses(self):
        return [line.strip() for line in self.use_it_to.splitlines() if line.strip()]

    @path("", name="index")
    def index_view(self, request):
        """The front page; its listings are built here so the other routes do not pay for them."""
        listings = self.front_page_listings()
        return self.render(request, context_overrides=listings)

    def front_page_listings(self):
        stories = self.stories()
        sections = CaseMakerSectionPage.objects.child_of(self).live().public().order_by("path")
        return {
            "sections": list(sections.defer_streamfields()),
            "story_count": stories.count(),
            "latest_stories": attach_images(stories.defer_streamfields().prefetch_related("sectors")[:3]),
        }

    @path("stories/", name="stories")
    def stories_view(self, request):
        explorer = StoryExplorer(self.stories(), request.GET)
        stories = explorer.results().defer_streamfields().prefetch_related("sectors")
        facets = explorer.facets()
        return self.render(
            request,
            template="casestudies/case_maker_stories.html",
            context_overrides={
                "explorer": explorer,
                "facets": facets,
                "stories": explorer.paginate(stories, STORIES_PER_PAGE),
                "canonical_suffix": "stories/",
            },
        )

    @path("cards/", name="cards")
    def cards_view(self, request):
        explorer = StoryExplorer(self.stories(), request.GET)
        return self.render(
            request,
            template="casestudies/case_maker_cards.html",
            context_overrides={
                "stories": explorer.results().prefetch_related("sectors"),
                "canonical_suffix": "cards/",
                "paper": paper_size(request),
            },
        )

    @path("feed/", name="feed")
    def feed_view(self, request):
        return CaseStudyFeed(self, title="Case Maker stories")(request)

    @path("feed/atom/", name="atom_feed")
    def atom_feed_view(self, request):
        return CaseStudyAtomFeed(self, title="Case Maker stories")(request)

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        return [*urls, {"location": self.get_full_url(request) + "stories/", "lastmod": urls[0]["lastmod"]}]


class CaseMakerSectionPage(ListingFieldsMixin, PublicPage, Page):
    """One of the four parts of the case, such as 'The impact of investing in relationships'."""

    body = StreamField(CaseMakerBlock())

    search_fields = [*Page.search_fields, *ListingFieldsMixin.search_fields, index.SearchField("body")]
    content_panels = [GuidePanel(), *Page.content_panels, FieldPanel("in_brief"), FieldPanel("body")]
    promote_panels = [*Page.promote_panels, *ListingFieldsMixin.promote_panels]

    base_form_class = SitePageForm
    allowed_http_methods = READ_ONLY_HTTP_METHODS
    parent_page_types = ["casestudies.CaseMakerPage"]
    subpage_types = []
    page_description = "One of the parts of the case, such as the impact of investing in relationships."

    class Meta:
        verbose_name = "part of the case"
        verbose_name_plural = "parts of the case"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sections = list(CaseMakerSectionPage.objects.sibling_of(self).live().public().order_by("path"))
        position = next((i for i, section in enumerate(sections) if section.pk == self.pk), None)
        if position is not None:
            context["section_number"] = position + 1
            context["section_total"] = len(sections)
            context["previous_section"] = sections[position - 1] if position > 0 else None
            context["next_section"] = sections[position + 1] if position + 1 < len(sections) else None
        return context


class CaseStudyPage(CardPreviewMixin, RoutablePageMixin, ListingFieldsMixin, PublicPage, Page):
    """A real story of relationship-centred practice, with a printable card and a short address."""

    card_template = "casestudies/includes/story_card.html"
    served_with = (*ListingFieldsMixin.served_with, "scale")

    organisation = models.CharField(
        max_length=160, blank=True, help_text="Who did this, e.g. Rosebank GP Practice"
    )
    place = models.CharField(
        max_length=120, blank=True, help_text="Town, city or region, e.g. Barking and Dagenham"
    )
    sectors = ParentalManyToManyField(
        Sector, related_name="case_studies", blank=True, help_text="Every field of work the story speaks to."
    )
    scale = models.ForeignKey(
        Scale,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="case_studies",
        help_text="How far the change reached, from one person to a whole system.",
    )
    enablers = ParentalManyToManyField(
        Enabler, related_name="case_studies", blank=True, help_text="What made the relationships possible."
    )
    storyteller = models.ForeignKey(
        "home.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Who tells this story, if they are in People.",
    )
    storyteller_name = models.CharField(
        max_length=120, blank=True, help_text="Or type their name, if they are not in People."
    )
    storyteller_role = models.CharField(
        max_length=160, blank=True, help_text="e.g. Practice manager; shown after a typed name."
    )
    what_they_did = models.TextField(
        max_length=700,
        help_text="A short paragraph, printed on the card. Tell the longer story in 'The full story'.",
    )
    what_changed = models.TextField(
        max_length=700, help_text="The outcomes, in a short paragraph; printed on the card."
    )
    evidence = StreamField(
        [("evidence", EvidenceBlock())], blank=True, help_text="Figures that show what changed, with sources."
    )
    quotes = StreamField(
        [("quote", QuoteBlock())], blank=True, help_text="The first quote is printed on the story's card."
    )
    body = StreamField(
        CaseMakerBlock(), blank=True, verbose_name="the full story", help_text="Optional: the longer telling."
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The long-form case study to download, if there is one.",
    )
    short_code = models.CharField(
        max_length=12,
        unique=True,
        editable=False,
        help_text="Fixed code for the story's short address /c/<code>/, printed on its card.",
    )

    search_fields = [
        *Page.search_fields,
        *ListingFieldsMixin.search_fields,
        index.SearchField("organisation"),
        index.SearchField("place"),
        index.SearchField("what_they_did"),
        index.SearchField("what_changed"),
        index.SearchField("body"),
        index.RelatedFields("sectors", [index.SearchField("name")]),
        index.RelatedFields("enablers", [index.SearchField("name")]),
        index.FilterField("scale"),
    ]
    content_panels = [
        GuidePanel(),
        ChecklistPanel(),
        *Page.content_panels,
        FieldPanel("in_brief"),
        # The story shows this image at its top, so it belongs with the story, not under Promote.
        FieldPanel(
            "listing_image",
            heading="Lead image",
            help_text="Shown at the top of the story and on its card. Describe it in the image's own description.",
        ),
        MultiFieldPanel(
            [
                FieldPanel("organisation"),
                FieldPanel("place"),
                FieldPanel("storyteller"),
                FieldPanel("storyteller_name"),
                FieldPanel("storyteller_role"),
            ],
            heading="Who and where",
        ),
        MultiFieldPanel(
            [
                FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
                FieldPanel("scale", widget=forms.Select),  # a short list, not the snippet chooser's pop-up
                FieldPanel("enablers", widget=forms.CheckboxSelectMultiple),
            ],
            heading="Filters in the story explorer",
            help_text="Edit the labels and descriptions in Snippets → Sectors, Scales and Enablers.",
        ),
        FieldPanel("what_they_did"),
        FieldPanel("what_changed"),
        FieldPanel("evidence"),
        FieldPanel("quotes"),
        FieldPanel("body"),
        FieldPanel("document"),
        InlinePanel("glossary_terms", label="Related glossary term", heading="Related glossary terms"),
        InlinePanel("related_posts", label="Related post", heading="Related posts"),
    ]
    promote_panels = [*Page.promote_panels, FieldPanel("social_image")]

    base_form_class = SitePageForm
    allowed_http_methods = READ_ONLY_HTTP_METHODS
    parent_page_types = ["casestudies.CaseMakerPage"]
    subpage_types = []
    exclude_fields_in_copy = ["short_code"]
    page_description = "A story of relationship-centred practice: who, where, what they did and what changed."

    class Meta:
        verbose_name = "story"
        verbose_name_plural = "stories"

    def save(self, *args, **kwargs):
        if not self.short_code:
            self.short_code = new_short_code()
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.storyteller_id and self.storyteller_name:
            raise ValidationError({"storyteller_name": "Choose a person or type a name, not both."})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        case_maker = self.get_parent().specific
        context.update(
            og_type="article",
            sectors=list(self.sectors.all()),
            scale=self.scale,
            enablers=list(self.enablers.all()),
            explorer_url=case_maker.get_url(request) + case_maker.reverse_subpage("stories"),
            paper=paper_size(request),
        )
        context.update(self.links_elsewhere())
        context["json_ld"] = self.json_ld(request, context["sectors"])
        return context

    def links_elsewhere(self):
        """The glossary terms and posts editors linked to the story, published and public ones only."""
        return {
            "glossary_terms": live_in_order(self.glossary_terms.all(), "term"),
            "related_posts": live_in_order(self.related_posts.all(), "post"),
        }

    @path("card/", name="card")
    def card_view(self, request):
        return self.render(request, template="casestudies/case_study_card.html")

    def get_storyteller(self):
        """(name, role) of whoever tells the story, from People or the typed name."""
        if self.storyteller:
            return self.storyteller.name, self.storyteller.role
        if self.storyteller_name:
            return self.storyteller_name, self.storyteller_role
        return None

    def card_quote(self):
        return next((block.value for block in self.quotes), None)

    def json_ld(self, request, sectors):
        """Article structured data for search engines."""
        settings = SiteSettings.load(request_or_site=request)
        organisation = {"@type": "Organization", "name": settings.organisation_name}
        storyteller = self.get_storyteller()
        data = {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": self.title,
            "description": self.get_meta_description(),
            "url": self.get_full_url(request),
            "datePublished": self.first_published_at,
            "dateModified": self.last_published_at or self.first_published_at,
            "author": {"@type": "Person", "name": storyteller[0]} if storyteller else organisation,
            "publisher": organisation,
            "articleSection": "Case Maker",
            "keywords": [sector.name for sector in sectors],
            "articleBody": strip_tags(f"{self.what_they_did}\n\n{self.what_changed}"),
        }
        image = self.get_social_image()
        rendition = social_rendition(image) if image else None
        if rendition:
            data["image"] = site_root(request) + rendition.url
        return {key: value for key, value in data.items() if value}


class CaseStudyGlossaryTerm(Orderable):
    """A glossary term a story illustrates."""

    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="glossary_terms")
    term = models.ForeignKey("glossary.GlossaryTermPage", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("term")]


class CaseStudyRelatedPost(Orderable):
    """A blog post that reflects on or adds to a story."""

    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="related_posts")
    post = models.ForeignKey("blog.BlogPage", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("post")]
