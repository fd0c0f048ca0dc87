"""The sitemap: Wagtail's, with every page read in one query whatever its type."""

from wagtail.contrib.sitemaps import Sitemap

from .visibility import site_pages


class PageSitemap(Sitemap):
    """Wagtail's sitemap, whose pages come as their specific types with their own fields left
    unread: the sitemap entries (`get_sitemap_urls`) of every page type read only the fields all
    pages share, so Wagtail's query per page type would fetch columns nothing reads."""

    def items(self):
        root = self.get_wagtail_site().root_page
        return (
            site_pages()
            .descendant_of(root, inclusive=True)
            .live()
            .public()
            .order_by("path")
            .specific(defer=True)
        )
