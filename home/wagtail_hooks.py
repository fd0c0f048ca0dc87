"""Wagtail hooks for the site as a whole."""

from wagtail import hooks

from .page_cache import is_private
from .rich_text import SharedPageLinkHandler


@hooks.register("before_serve_page")
def mark_private_pages(page, request, serve_args, serve_kwargs):
    """Tell the page cache not to keep pages in a private section (or their password forms)."""
    request.is_private_page = is_private(page)


@hooks.register("register_rich_text_features", order=1000)
def share_page_link_urls(features):
    """Replace Wagtail's page link handler (registered by its admin app, hence the late order)."""
    features.register_link_type(SharedPageLinkHandler)
