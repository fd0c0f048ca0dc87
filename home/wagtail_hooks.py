"""Wagtail hooks for the site as a whole, including gaps closed in Wagtail's own permission checks."""

from wagtail import hooks
from wagtail.admin.auth import permission_denied

from .rich_text import SharedPageLinkHandler


@hooks.register("register_rich_text_features", order=1000)
def share_page_link_urls(features):
    """Replace Wagtail's page link handler (registered by its admin app, hence the late order)."""
    features.register_link_type(SharedPageLinkHandler)


@hooks.register("before_move_page")
def refuse_moves_the_user_cannot_make(request, page_to_move, destination):
    """Wagtail checks a move only when it is confirmed, so its confirmation page would show the
    (draft) titles of any page and destination to an editor with no rights over either."""
    if not page_to_move.permissions_for_user(request.user).can_move_to(destination):
        return permission_denied(request)
    return None
