"""Glossary terms marked inside rich text, stored as <a linktype="glossary" id="<term page id>">.

On the site a mark becomes a link to the term carrying its short definition, which
the glossary part of static/js/site.js turns into an in-place disclosure. A term that is deleted,
unpublished or private degrades to plain text. In the editor it is a Draftail entity
chosen with Wagtail's page chooser, limited to glossary terms.
"""

from django.utils.html import format_html

from wagtail.rich_text import LinkHandler

from core.linked_pages import linked_pages
from core.render_memo import current_request
from core.url_parts import parse_int

from .models.terms import LINKTYPE, GlossaryTermPage


def published_terms(ids):
    """{id: (title, url, short definition)} for the live, public terms among `ids`, read with the
    other pages the request's rich text links to (`core.linked_pages`): a page marks a
    few terms, and loading the whole glossary for them cost more than the page."""
    request = current_request()
    return {
        pk: (term.title, term.get_url(request=request), term.short_definition)
        for pk, term in linked_pages(ids).items()
        if isinstance(term, GlossaryTermPage) and term.live and not term.is_private
    }


class GlossaryLinkHandler(LinkHandler):
    """Renders glossary marks on the site and reports them to Wagtail's reference index."""

    identifier = LINKTYPE

    @staticmethod
    def get_model():
        return GlossaryTermPage

    @classmethod
    def expand_db_attributes(cls, attrs):
        return cls.expand_db_attributes_many([attrs])[0]

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        terms = published_terms({parse_int(attrs.get("id")) for attrs in attrs_list} - {None})
        tags = []
        for attrs in attrs_list:
            term = terms.get(parse_int(attrs.get("id")))
            if term is None:
                # Wagtail's own convention for a link whose target has gone: no href, so no link.
                tags.append("<a>")
                continue
            title, url, definition = term
            tags.append(
                format_html(
                    '<a class="glossary-term" href="{}" data-term="{}" data-definition="{}">',
                    url,
                    title,
                    definition,
                )
            )
        return tags

    @classmethod
    def extract_references(cls, attrs):
        # The model path ends in the link type, so usage lists can tell marks from other links.
        term_id = parse_int(attrs.get("id"))
        if term_id is not None:
            yield GlossaryTermPage, str(term_id), LINKTYPE, LINKTYPE
