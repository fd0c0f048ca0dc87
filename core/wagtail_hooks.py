"""Wagtail hooks for the site as a whole, including gaps closed in Wagtail's own permission checks."""

from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem
from wagtail.models import Page

from .guide_views import guide, guide_screenshot
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


@hooks.register("register_admin_urls")
def register_guide_urls():
    return [
        path("help/", guide, name="editor_guide"),
        path("help/guide/<str:name>", guide_screenshot, name="editor_guide_screenshot"),
    ]


@hooks.register("register_help_menu_item")
def register_guide_menu_item():
    return MenuItem(
        "Editor guide", reverse("editor_guide"), icon_name="help", order=10, name="site-editor-guide"
    )


@hooks.register("construct_help_menu")
def drop_wagtails_generic_guide(request, menu_items):
    # Wagtail's own guide is about Wagtail in general; ours is about this site, in its words.
    menu_items[:] = [item for item in menu_items if item.name != "editor-guide"]
