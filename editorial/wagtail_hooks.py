"""Admin wiring for everyday editing: dashboard panels, the accessibility checker and draft sharing."""

from django.urls import path

from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem

from .accessibility import use_site_content_checker
from .approvals import put_review_actions_first, review
from .dashboard import OverdueScheduledPanel, WelcomePanel
from .views import share_draft


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    panels[:0] = [OverdueScheduledPanel(), WelcomePanel()]


hooks.register("construct_wagtail_userbar", use_site_content_checker)


class ShareDraftButton(PageMenuItem):
    """'Share draft' in the page header's menu, for anyone who may edit the page."""

    label = "Share draft"
    icon_name = "link"
    url_name = "editorial_share_draft"
    priority = 66

    def is_shown(self, user):
        return self.page.permissions_for_user(user).can_edit()


@hooks.register("register_page_header_buttons")
def share_draft_button(page, user, view_name, next_url=None):
    yield ShareDraftButton(page=page)


@hooks.register("register_admin_urls")
def register_share_draft_url():
    return [path("pages/<int:page_id>/share/", share_draft, name="editorial_share_draft")]


hooks.register("construct_page_action_menu", put_review_actions_first)


@hooks.register("register_admin_urls")
def register_review_url():
    return [path("pages/<int:page_id>/review/<str:action>/", review, name="editorial_review")]
