"""Rich-text page links, resolved for a whole field at once.

A link to a page that is not live (a draft, or unpublished since) keeps its text but loses its
address, on pages and in feeds alike, so that no unpublished URL leaks out.
"""

from django.utils.html import escape

from wagtail.rich_text.pages import PageLinkHandler


class SharedPageLinkHandler(PageLinkHandler):
    """Page links of one rich-text field resolved together: their pages and specific types are
    fetched in one go instead of once per link."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        return [
            f'<a href="{escape(url)}">' if url else "<a>" for url in map(live_url, cls.get_many(attrs_list))
        ]


def live_url(page):
    target = page.localized if page else None
    return target.url if target is not None and target.live else ""
