"""The glossary of relational terms and phrases."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Cast
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils.text import capfirst

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, ReferenceIndex
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from django_ratelimit.core import is_ratelimited

from editorial.guide import GuidePanel
from home.blocks import RICH_TEXT_FEATURES
from home.models import READ_ONLY_HTTP_METHODS
from home.page_forms import SitePageForm
from home.public_forms import post_size_problem
from home.visibility import PublicPage, site_pages

from .alphabet import LETTERS, OTHER_LETTER, fold, index_letter, letter_anchor, sort_key
from .rich_text import LINKTYPE

# Labels for the "where this term is used" list, by model.
USAGE_LABELS = {
    "blog.blogpage": "Post",
    "events.eventpage": "Convening",
    "casestudies.casestudypage": "Story",
    "glossary.glossarytermpage": "Glossary term",
    "home.standardpage": "Page",
}
SCHEMA_ORG = "https://schema.org"
SUGGESTION_LIMIT = 5
# The form has seven fields (token and honeypot included); the site-wide limits stay high for the admin.
SUGGESTION_MAX_FIELDS = 20
SUGGESTION_MAX_BYTES = 16 * 1024


@register_snippet
class GlossaryGroup(Orderable):
    """A heading the glossary is arranged under, such as 'Places and spaces'; editors can reorder them."""

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(
        max_length=80, unique=True, help_text="Used in links to the group on the glossary page."
    )
    description = models.TextField(
        blank=True, max_length=400, help_text="A sentence shown under the group's heading."
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = "glossary group"

    def __str__(self):
        return self.name


class GlossaryIndexPage(RoutablePageMixin, PublicPage, Page):
    """All terms at /glossary/, with the suggest-a-term form and the feed of new terms."""

    introduction = models.TextField(
        blank=True, max_length=500, help_text="A sentence or two above the terms; also used when shared."
    )

    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    content_panels = [GuidePanel(), *Page.content_panels, FieldPanel("introduction")]

    base_form_class = SitePageForm
    parent_page_types = ["home.HomePage"]
    subpage_types = ["glossary.GlossaryTermPage"]
    max_count = 1
    page_description = "The Glossary page, listing every term from A to Z."

    class Meta:
        verbose_name = "glossary"
        verbose_name_plural = "glossaries"

    def get_meta_description(self):
        return self.search_description or self.introduction

    def get_terms(self):
        terms = GlossaryTermPage.objects.child_of(self).live().public().select_related("group")
        return sorted(terms, key=lambda term: sort_key(term.title))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        terms = self.get_terms()
        query = request.GET.get("q", "").strip()[:100]
        for term in terms:
            # Filtered-out terms are still rendered (hidden), so the live filter can bring them back.
            term.filtered_out = bool(query) and fold(query) not in term.filter_text
        view = "a-z" if request.GET.get("view") == "a-z" else "group"
        letter_sections = sections_by_letter(terms)
        present = {section.heading for section in letter_sections}
        letters = [*LETTERS, OTHER_LETTER] if OTHER_LETTER in present else LETTERS
        context.update(
            terms=terms,
            match_count=sum(not term.filtered_out for term in terms),
            query=query,
            view=view,
            sections=letter_sections if view == "a-z" else sections_by_group(terms),
            jump_letters=[(letter, letter_anchor(letter), letter in present) for letter in letters],
            json_ld_data={
                "@context": SCHEMA_ORG,
                **self.defined_term_set(request),
                "description": self.introduction,
                "hasDefinedTerm": [term.defined_term(request) for term in terms],
            },
        )
        return context

    def defined_term_set(self, request):
        """schema.org DefinedTermSet: the glossary as a whole, for search engines."""
        return {
            "@type": "DefinedTermSet",
            "@id": self.get_full_url(request),
            "name": self.title,
            "url": self.get_full_url(request),
        }

    @path("suggest/")
    def suggest(self, request):
        """The suggest-a-term form, on a page of its own so the rest of the glossary sets no cookie.

        A valid POST is stored for editors to review and never publishes itself.
        """
        from .forms import SuggestionForm

        if request.method in ("GET", "HEAD"):
            return self.render_suggest(request, SuggestionForm())
        if request.method != "POST":
            return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
        too_big = post_size_problem(request, SUGGESTION_MAX_BYTES, SUGGESTION_MAX_FIELDS)
        if too_big is not None:
            message = "Suggestion too large." if too_big == 413 else "Unexpected form fields."
            return HttpResponse(message, status=too_big, content_type="text/plain")
        form = SuggestionForm(request.POST)
        if over_rate_limit(request):
            form.add_error(None, "You have sent several suggestions recently. Please try again in an hour.")
            return self.render_suggest(request, form, status=429)
        if not form.is_valid():
            return self.render_suggest(request, form, status=400)
        if not form.is_spam():
            form.save()
        messages.success(request, "Thank you: your suggestion has been sent to the glossary's editors.")
        return redirect(self.get_url(request))

    def render_suggest(self, request, form, status=200):
        response = self.render(
            request, template="glossary/glossary_suggest.html", context_overrides={"form": form}
        )
        response.status_code = status
        return response

    @path("feed/")
    def feed(self, request):
        from .feeds import GlossaryFeed

        return GlossaryFeed(self, title="New glossary terms")(request)


@dataclass
class Section:
    """A run of terms under one heading on the glossary page: a group, or a letter of the alphabet."""

    heading: str
    anchor: str
    terms: list
    description: str = ""
    is_letter: bool = False

    @property
    def hidden(self):
        return all(term.filtered_out for term in self.terms)


def sections_by_group(terms):
    """Sections in the editors' group order; terms without a group come last under 'Other terms'."""
    by_group = {}
    for term in terms:
        by_group.setdefault(term.group_id, []).append(term)
    sections = [
        Section(group.name, f"group-{group.slug}", by_group[group.pk], group.description)
        for group in GlossaryGroup.objects.all()
        if group.pk in by_group
    ]
    if None in by_group:
        sections.append(Section("Other terms", "group-other", by_group[None]))
    return sections


def sections_by_letter(terms):
    """Sections for each jump-bar letter that has terms, in alphabetical order."""
    by_letter = {}
    for term in terms:
        by_letter.setdefault(index_letter(term.title), []).append(term)
    return [
        Section(letter, letter_anchor(letter), by_letter[letter], is_letter=True)
        for letter in [*LETTERS, OTHER_LETTER]
        if letter in by_letter
    ]


def usage_label(model):
    """What readers call a page of this type, e.g. 'Post'; other types use their verbose name."""
    return USAGE_LABELS.get(model._meta.label_lower) or capfirst(model._meta.verbose_name)


def over_rate_limit(request):
    """Count this address's attempts per hour, across every worker, so one sender cannot flood the
    editors; invalid attempts count too."""
    return is_ratelimited(
        request, group="glossary-suggest", key="ip", rate=f"{SUGGESTION_LIMIT}/h", increment=True
    )


class GlossaryTermPage(PublicPage, Page):
    """One term or phrase, with its own address and revision history."""

    # What the page's own template shows, fetched with the page when it is served (see home.routing).
    served_with = ("group",)

    short_definition = models.TextField(
        max_length=400, help_text="One or two plain sentences; shown in tooltips, cards and search."
    )
    also_called = models.CharField(
        max_length=255,
        blank=True,
        help_text="Other names for the same idea, separated by commas, e.g. 'warm web, cold web'.",
    )
    group = models.ForeignKey(
        GlossaryGroup,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
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
    quote_url = models.URLField("quote link", blank=True, help_text="Where readers can find the original.")
    first_discussed_in = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The post or convening where we first explored this term.",
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

    base_form_class = SitePageForm
    allowed_http_methods = READ_ONLY_HTTP_METHODS
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
            json_ld_data={
                "@context": SCHEMA_ORG,
                **self.defined_term(request),
                "inDefinedTermSet": self.get_parent().specific.defined_term_set(request),
            },
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


class GlossarySuggestion(models.Model):
    """A reader's suggested term or definition, waiting for an editor; it never publishes itself."""

    class Status(models.TextChoices):
        NEW = "new", "New"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"

    term = models.CharField(max_length=120)
    definition = models.TextField("suggested definition", max_length=2000)
    source = models.CharField(max_length=500, blank=True, help_text="A book, article, person or link.")
    name = models.CharField(max_length=100, blank=True)
    email = models.EmailField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)
    submitted_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("status"),
        FieldPanel("term", read_only=True),
        FieldPanel("definition", read_only=True),
        FieldPanel("source", read_only=True),
        FieldPanel("name", read_only=True),
        FieldPanel("email", read_only=True),
    ]

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = "term suggestion"

    def __str__(self):
        return self.term
