"""A glossary term, the terms related to it and where on the site it is used."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Cast
from django.utils.text import capfirst

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, ReferenceIndex
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES
from core.fields import optional_link, optional_url
from core.guide import GuidePanel
from core.models import ReadOnlyPage
from core.structured_data import document
from core.visibility import site_pages

from ..alphabet import fold, sort_key
from .groups import GlossaryGroup

# The rich-text link type that marks a term in a page's text.
LINKTYPE = "glossary"

# Labels for the "where this term is used" list, by model.
USAGE_LABELS = {
    "blog.blogpage": "Post",
    "events.eventpage": "Convening",
    "casestudies.casestudypage": "Story",
    "glossary.glossarytermpage": "Glossary term",
    "core.standardpage": "Page",
}


def usage_label(model):
    """What readers call a page of this type, e.g. 'Post'; other types use their verbose name."""
    return USAGE_LABELS.get(model._meta.label_lower) or capfirst(model._meta.verbose_name)


class GlossaryTermPage(ReadOnlyPage, Page):
    """One term or phrase, with its own address and revision history."""

    # What the page's own template shows, fetched with the page when it is served (see core.routing).
    served_with = ("group",)

    short_definition = models.TextField(
        max_length=400, help_text="One or two plain sentences; shown in tooltips, cards and search."
    )
    also_called = models.CharField(
        max_length=255,
        blank=True,
        help_text="Other names for the same idea, separated by commas, e.g. 'warm web, cold web'.",
    )
    group = optional_link(
        GlossaryGroup,
        related_name="terms",
        help_text="The heading this term is listed under on the glossary page.",
    )
    explanation = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="The fuller story: where the term comes from, how it is used, examples.",
    )
    quoted_definition = models.TextField(
        blank=True,
        max_length=1000,
        help_text="Someone else's definition, word for word, without quote marks.",
    )
    quote_source = models.CharField(
        max_length=255,
        blank=True,
        help_text="Who said or wrote it, and where, e.g. 'Hilary Cottam, Radical Help'.",
    )
    quote_url = optional_url("quote link", help_text="Where readers can find the original.")
    first_discussed_in = optional_link(
        "wagtailcore.Page", help_text="The post or convening where we first explored this term."
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("short_definition", boost=2),
        index.SearchField("also_called", boost=2),
        index.AutocompleteField("also_called"),
        index.SearchField("explanation"),
        index.SearchField("quoted_definition"),
    ]
    content_panels = [
        GuidePanel(),
        *Page.content_panels,
        FieldPanel("short_definition"),
        FieldPanel("also_called"),
        FieldPanel("group"),
        FieldPanel("explanation"),
        MultiFieldPanel(
            [FieldPanel("quoted_definition"), FieldPanel("quote_source"), FieldPanel("quote_url")],
            heading="Quoted definition",
        ),
        InlinePanel("related_term_links", label="Related term", heading="Related terms"),
        PageChooserPanel("first_discussed_in", ["blog.BlogPage", "events.EventPage"]),
    ]

    parent_page_types = ["glossary.GlossaryIndexPage"]
    subpage_types = []
    page_description = "One word or phrase of the relational vocabulary and what it means."

    class Meta:
        verbose_name = "glossary term"

    def clean(self):
        super().clean()
        first = self.first_discussed_in
        if first is not None and first.specific_class._meta.label_lower not in (
            "blog.blogpage",
            "events.eventpage",
        ):
            raise ValidationError({"first_discussed_in": "Choose a blog post or a convening."})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            related_terms=self.get_related_terms(),
            usages=self.get_usages(),
            first_discussed_in=self.get_first_discussed_in(),
            json_ld_data=document(
                {
                    **self.defined_term(request),
                    "inDefinedTermSet": self.get_parent().specific.defined_term_set(request),
                }
            ),
        )
        return context

    def get_meta_description(self):
        return self.search_description or self.short_definition

    def defined_term(self, request):
        """schema.org DefinedTerm, for search engines and other machines reading the glossary."""
        data = {
            "@type": "DefinedTerm",
            "@id": self.get_full_url(request),
            "name": self.title,
            "description": self.short_definition,
            "url": self.get_full_url(request),
        }
        if self.alternative_names:
            data["alternateName"] = self.alternative_names
        return data

    @property
    def anchor(self):
        """The fragment id that marks this term on the glossary page and its own page."""
        return f"term-{self.slug}"

    @property
    def alternative_names(self):
        return [name.strip() for name in self.also_called.split(",") if name.strip()]

    @property
    def filter_text(self):
        """Everything the glossary's filter box matches against, folded like the query."""
        return fold(" ".join([self.title, self.also_called, self.short_definition]))

    def get_related_terms(self):
        """Live terms this one lists as related, or that list this one: relations read both ways."""
        related = (
            GlossaryTermPage.objects.live()
            .public()
            .filter(Q(linked_from__page=self) | Q(related_term_links__term=self))
            .exclude(pk=self.pk)
            .distinct()
        )
        return sorted(related, key=lambda term: sort_key(term.title))

    def get_usages(self):
        """Published pages whose rich text marks this term, read from Wagtail's reference index."""
        page_type = ContentType.objects.get_for_model(Page)
        # The index keeps object ids as text; read inside the pages' query, cast to theirs.
        source_ids = (
            ReferenceIndex.get_references_to(self)
            .filter(base_content_type=page_type, model_path__endswith=f".{LINKTYPE}")
            .annotate(page_id=Cast("object_id", output_field=models.IntegerField()))
            .values("page_id")
        )
        pages = (
            site_pages()
            .live()
            .public()
            .filter(pk__in=source_ids)
            .exclude(pk=self.pk)
            .order_by("-first_published_at", "pk")
        )
        return [(usage_label(page.specific_class), page) for page in pages]

    def get_first_discussed_in(self):
        if not self.first_discussed_in_id:
            return None
        return site_pages().live().public().filter(pk=self.first_discussed_in_id).first()


class GlossaryRelatedTerm(Orderable):
    """A link from one term to another; the term page shows relations in both directions."""

    page = ParentalKey(GlossaryTermPage, on_delete=models.CASCADE, related_name="related_term_links")
    term = models.ForeignKey(GlossaryTermPage, on_delete=models.CASCADE, related_name="linked_from")

    panels = [FieldPanel("term")]
