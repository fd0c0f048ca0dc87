"""Rich-text page links, resolved for a whole field at once."""

from django.utils.html import escape

from wagtail.rich_text.pages import PageLinkHandler


class SharedPageLinkHandler(PageLinkHandler):
    """Page links of one rich-text field resolved together: their pages and specific types are
    fetched in one go instead of once per link."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        pages = PageLinkHandler.get_many(attrs_list)
        return [f'<a href="{escape(page.localized.url)}">' if page else "<a>" for page in pages]
