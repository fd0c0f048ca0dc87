"""Rich-text page links, resolved for a whole field at once from the pages `core.linked_pages` read.

A link to a page that is not live (a draft, or unpublished since) keeps its text but loses its
address, on pages and in feeds alike, so that no unpublished URL leaks out.
"""

from django.utils.html import escape

from wagtail.rich_text.pages import PageLinkHandler

from core.linked_pages import linked_pages
from core.render_memo import current_request
from core.url_parts import parse_int


class SharedPageLinkHandler(PageLinkHandler):
    """Page links of one rich-text field resolved together, from `linked_pages`, and their URLs
    built with the request."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        ids = [parse_int(attrs.get("id")) for attrs in attrs_list]
        pages = linked_pages(set(ids) - {None})
        request = current_request()
        return [
            f'<a href="{escape(url)}">' if url else "<a>"
            for url in (live_url(pages.get(pk), request) for pk in ids)
        ]


def live_url(page, request):
    target = page.localized if page else None
    return target.get_url(request=request) if target is not None and target.live else ""
