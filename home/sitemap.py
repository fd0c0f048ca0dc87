"""The sitemap, built once per content generation: it lists every page, at a query per page type."""

from wagtail.contrib.sitemaps import Sitemap

from .page_cache import per_generation


class SiteSitemap(Sitemap):
    """Wagtail's sitemap of live, public pages, shared until content changes (see home.page_cache)."""

    def get_urls(self, page=1, site=None, protocol=None):
        def build():
            urls = Sitemap.get_urls(self, page=page, site=site, protocol=protocol)
            return urls, getattr(self, "latest_lastmod", None)

        # One entry per page number however it is spelled (?p=01); a number the paginator refuses
        # raises before anything is stored.
        try:
            number = int(page)
        except (TypeError, ValueError):
            number = page
        urls, latest_lastmod = per_generation(f"sitemap:{protocol}:{self.request.get_host()}:{number}", build)
        if latest_lastmod is not None:
            self.latest_lastmod = latest_lastmod
        return urls
