"""Admin wiring: a Newsletter menu with the list of issues and a screen to start one."""

from django.urls import path, reverse_lazy

from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from core.admin_listings import MENU_ORDER, PageListingAdmin, register

from .models import NewsletterIndexPage, NewsletterIssuePage
from .views import email_download, start_issue


@register
class IssueAdmin(PageListingAdmin):
    """Every newsletter issue, newest first; reached from the Newsletter menu below."""

    model = NewsletterIssuePage
    menu_label = "Issues"
    add_to_admin_menu = False
    list_display = ("title", "first_published_at")
    ordering = ("-first_published_at", "-pk")


class StartIssueMenuItem(MenuItem):
    def is_shown(self, request):
        index = NewsletterIndexPage.objects.first()
        return index is not None and index.permissions_for_user(request.user).can_add_subpage()


class IssuesMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("wagtailadmin.access_admin")


@hooks.register("register_admin_menu_item")
def register_newsletter_menu():
    menu = Menu(
        items=[
            IssuesMenuItem(
                "Issues", reverse_lazy("newsletter_newsletterissuepage_modeladmin_index"), icon_name="list-ul"
            ),
            StartIssueMenuItem("Start an issue", reverse_lazy("newsletter_start_issue"), icon_name="plus"),
        ]
    )
    return SubmenuMenuItem("Newsletter", menu, icon_name="mail", order=MENU_ORDER["newsletter"])


@hooks.register("register_admin_urls")
def register_newsletter_urls():
    return [
        path("newsletter/start/", start_issue, name="newsletter_start_issue"),
        path("newsletter/<int:page_id>/email.<str:part>", email_download, name="newsletter_email"),
    ]
