"""The pages a render links to, read once per request in one query.

Every kind of rich-text link that points to a page (Wagtail's page links, glossary marks) reads its
pages through `linked_pages`, so a body that holds both kinds costs one query, not one per kind,
once `load_links` has named them all; a page's other links to single pages (a post's convening)
can be named with them.
"""

from functools import cache

from wagtail.models import Page
from wagtail.rich_text import features
from wagtail.rich_text.rewriters import FIND_A_TAG, extract_attrs

from core.render_memo import memoised
from core.routing import as_specific, with_specific_rows
from core.url_parts import parse_int
from core.visibility import is_private

LINKED_PAGES = "linked pages"


@cache
def page_link_types():
    """{link type: page model} for the kinds of rich-text link that point to pages."""
    models = {linktype: handler.get_model() for linktype, handler in features.get_link_types().items()}
    return {linktype: model for linktype, model in models.items() if issubclass(model, Page)}


def link_target_models():
    """The page models that link types other than Wagtail's page links point to (glossary marks point
    to glossary terms): their own fields, which such a link shows, are read with the pages."""
    return set(page_link_types().values()) - {Page}


def linked_pages(ids):
    """{id: page} for the pages among `ids`, each knowing whether a view restriction hides it
    (`is_private`), read in one query per request. A page of a `link_target_models` type comes as
    that type; any other as a plain page, whose title, URL and state are all a link to it shows."""
    return memoised(LINKED_PAGES, ids, load_linked_pages)


def load_linked_pages(ids):
    models = link_target_models()
    rows = with_specific_rows(
        Page.objects.filter(pk__in=ids).annotate(is_private=is_private()), streamfields=False, models=models
    )
    pages = {}
    for row in rows:
        page = as_specific(row) if row.specific_class in models else row
        page.is_private = row.is_private
        pages[page.pk] = page
    return pages


def load_links(texts, page_ids=()):
    """Look up together every page the rich-text strings `texts` link to, by any kind of link, and
    the pages `page_ids`: the expansions that follow in this request find them already read."""
    linktypes = page_link_types()
    tags = (extract_attrs(attributes) for text in texts for attributes in FIND_A_TAG.findall(text))
    ids = {parse_int(attrs.get("id")) for attrs in tags if attrs.get("linktype") in linktypes}
    linked_pages((ids | set(page_ids)) - {None})


def strings_in(value):
    """Every string inside a StreamField's raw data (nested blocks included)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)


def load_body_links(pages, *page_ids):
    """`load_links` for the rich text of every page's `body`, and `page_ids`."""
    load_links(
        [text for page in pages for text in strings_in(list(page.body.raw_data)) if "linktype=" in text],
        page_ids,
    )
