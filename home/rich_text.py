"""Rich-text page links resolved from the shared cache instead of three queries per rich-text field."""

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
            f"gen:{generation()}:page-url:{attrs.get('id')}": page.localized.url if page else ""
            for attrs, page in zip(missing, PageLinkHandler.get_many(missing), strict=True)
        }
        cache.set_many(resolved, timeout=settings.PAGE_CACHE_LOOKUP_SECONDS)
        found.update(resolved)
    return [found[key] for key in keys]
