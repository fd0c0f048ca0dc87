"""A Case Maker story, with its short code for print, its printable card and its links elsewhere."""

import secrets

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils.html import strip_tags

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core import structured_data
from core.blocks import QuoteBlock
from core.checklist import ChecklistPanel
from core.fields import optional_link
from core.guide import GuidePanel
from core.listings import in_link_order
from core.models import ListingFieldsMixin, ReadOnlyPage
from core.previews import CardPreviewMixin

from ..blocks import CaseMakerBlock, EvidenceBlock
from .labels import Enabler, Scale, Sector

SHORT_CODE_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"  # no 0/o, 1/l/i: easy to type from paper
SHORT_CODE_LENGTH = 6


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


class CaseStudyPage(CardPreviewMixin, RoutablePageMixin, ListingFieldsMixin, ReadOnlyPage, Page):
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
    scale = optional_link(
        Scale,
        related_name="case_studies",
        help_text="How far the change reached, from one person to a whole system.",
    )
    enablers = ParentalManyToManyField(
        Enabler, related_name="case_studies", blank=True, help_text="What made the relationships possible."
    )
    storyteller = optional_link("core.Person", help_text="Who tells this story, if they are in People.")
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
    document = optional_link(
        "wagtaildocs.Document", help_text="The long-form case study to download, if there is one."
    )
    short_code = models.CharField(
        max_length=12,
        unique=True,
        editable=False,
        help_text="Fixed code for the story's short address /c/<code>/, printed on its card.",
    )

    search_fields = [
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
        # Read once for the page, its structured data and the printable card's label.
        prefetch_related_objects([self], "sectors")
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
        storyteller = self.get_storyteller()
        return structured_data.article(
            self,
            request,
            "Article",
            description=self.get_meta_description(),
            datePublished=self.first_published_at,
            dateModified=self.last_published_at or self.first_published_at,
            author={"@type": "Person", "name": storyteller[0]}
            if storyteller
            else structured_data.organisation(request),
            articleSection="Case Maker",
            keywords=[sector.name for sector in sectors],
            articleBody=strip_tags(f"{self.what_they_did}\n\n{self.what_changed}"),
        )


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
