"""Admin wiring: the report of searches that found nothing, under Reports."""

from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .reports import PROMOTION_ACTIONS, UnansweredSearchesReportView, promotion_permission_policy


class UnansweredSearchesMenuItem(MenuItem):
    def is_shown(self, request):
        return promotion_permission_policy.user_has_any_permission(request.user, PROMOTION_ACTIONS)


@hooks.register("register_admin_urls")
def register_unanswered_searches_urls():
    return [
        path(
            "reports/unanswered-searches/", UnansweredSearchesReportView.as_view(), name="search_unanswered"
        ),
        path(
            "reports/unanswered-searches/results/",
            UnansweredSearchesReportView.as_view(results_only=True),
            name="search_unanswered_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_unanswered_searches_menu_item():
    return UnansweredSearchesMenuItem(
        "Searches with no results",
        reverse("search_unanswered"),
        name="unanswered-searches",
        icon_name="search",
        order=1310,
    )
