"""Rich-text page links resolved from the shared cache instead of three queries per rich-text field.

A link to a page that is not live (a draft, or unpublished since) keeps its text but loses its
address, on pages and in feeds alike, so that no unpublished URL leaks out.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils.html import escape

from wagtail.rich_text.pages import PageLinkHandler

from .page_cache import generation


class SharedPageLinkHandler(PageLinkHandler):
    """Page links whose URLs are remembered for the content generation (see home.page_cache).

    A listing or feed renders the rich text of every item; without this each item would look up
    its linked pages, their specific types and the site roots again.
    """

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        return [f'<a href="{escape(url)}">' if url else "<a>" for url in page_urls(attrs_list)]


def page_urls(attrs_list):
    keys = [f"gen:{generation()}:page-url:{attrs.get('id')}" for attrs in attrs_list]
    found = cache.get_many(keys)
    missing = [attrs for key, attrs in zip(keys, attrs_list, strict=True) if key not in found]
    if missing:
        resolved = {
            f"gen:{generation()}:page-url:{attrs.get('id')}": live_url(page)
            for attrs, page in zip(missing, PageLinkHandler.get_many(missing), strict=True)
        }
        cache.set_many(resolved, timeout=settings.PAGE_CACHE_LOOKUP_SECONDS)
        found.update(resolved)
    return [found[key] for key in keys]


def live_url(page):
    target = page.localized if page else None
    return target.url if target is not None and target.live else ""
