"""The Glossary page: every term by group or A to Z, the live filter, the suggest-a-term form and the feed."""

from dataclasses import dataclass

from django.contrib import messages
from django.db import models
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from django_ratelimit.core import is_ratelimited

from core.guide import GuidePanel
from core.models import SectionIndexPage
from core.page_forms import SitePageForm
from core.public_forms import post_size_problem
from core.routing import late
from core.structured_data import document
from core.visibility import PublicPage

from ..alphabet import LETTERS, OTHER_LETTER, fold, index_letter, letter_anchor, sort_key
from .groups import GlossaryGroup
from .terms import GlossaryTermPage

# The feed and the suggestion form use these models, so the glossary names them (see core.routing.late).
GlossaryFeed = late("glossary.feeds.GlossaryFeed")
SuggestionForm = late("glossary.forms.SuggestionForm")

SUGGESTION_LIMIT = 5
# The form has seven fields (token and honeypot included); the site-wide limits stay high for the admin.
SUGGESTION_MAX_FIELDS = 20
SUGGESTION_MAX_BYTES = 16 * 1024


class GlossaryIndexPage(SectionIndexPage, RoutablePageMixin, PublicPage, Page):
    """All terms at /glossary/, with the suggest-a-term form and the feed of new terms."""

    introduction = models.TextField(
        blank=True, max_length=500, help_text="A sentence or two above the terms; also used when shared."
    )

    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    content_panels = [GuidePanel(), *Page.content_panels, FieldPanel("introduction")]

    base_form_class = SitePageForm
    subpage_types = ["glossary.GlossaryTermPage"]
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
            json_ld_data=document(
                {
                    **self.defined_term_set(request),
                    "description": self.introduction,
                    "hasDefinedTerm": [term.defined_term(request) for term in terms],
                }
            ),
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


def over_rate_limit(request):
    """Count this address's attempts per hour, across every worker, so one sender cannot flood the
    editors; invalid attempts count too."""
    return is_ratelimited(
        request, group="glossary-suggest", key="ip", rate=f"{SUGGESTION_LIMIT}/h", increment=True
    )
