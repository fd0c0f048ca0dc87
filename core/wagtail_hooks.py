"""Wagtail hooks for the site as a whole, including gaps closed in Wagtail's own permission checks."""

from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.models import Page

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


def may_delete(user, page):
    """Wagtail lets anyone who may change a page delete it while nothing under it is live; someone
    who may not publish (an Editor) may delete only what is all their own."""
    if page.permissions_for_user(user).can_publish():
        return True
    return not page.get_descendants(inclusive=True).exclude(owner=user).exists()


@hooks.register("before_delete_page")
def refuse_deleting_colleagues_drafts(request, page):
    if not may_delete(request.user, page):
        return permission_denied(request)
    return None


@hooks.register("before_bulk_action")
def refuse_bulk_deleting_colleagues_drafts(request, action_type, objects, action_class_instance):
    if action_type != "delete" or not issubclass(action_class_instance.model, Page):
        return None
    if not all(may_delete(request.user, page) for page in objects):
        return permission_denied(request)
    return None
