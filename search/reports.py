"""The admin report of searches that found nothing, for editors who can add promotions."""

from django.urls import reverse
from django.utils.http import urlencode

from wagtail.admin.ui.tables import DateColumn, NumberColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.permission_policies import ModelPermissionPolicy

from .models import UnansweredSearch

# Whoever may promote a result for a search can act on this report, so they may see it.
promotion_permission_policy = ModelPermissionPolicy(SearchPromotion)
PROMOTION_ACTIONS = ["add", "change"]


def search_page_url(entry):
    return reverse("search:search") + "?" + urlencode({"q": entry.query.query_string})


class UnansweredSearchesReportView(ReportView):
    page_title = "Searches with no results"
    header_icon = "search"
    index_url_name = "search_unanswered"
    index_results_url_name = "search_unanswered_results"
    permission_policy = promotion_permission_policy
    any_permission_required = PROMOTION_ACTIONS
    columns = [
        TitleColumn(
            "query",
            label="Search",
            accessor="query.query_string",
            get_url=search_page_url,
            link_attrs={"target": "_blank", "rel": "noopener"},
        ),
        DateColumn("last_searched_at", label="Last searched", sort_key="last_searched_at"),
        NumberColumn("times", label="Times searched", sort_key="times"),
    ]
    queryset = UnansweredSearch.objects.select_related("query")
    default_ordering = "-last_searched_at"
    list_export = ["query.query_string", "last_searched_at", "times"]
    export_headings = {"query.query_string": "Search", "last_searched_at": "Last searched", "times": "Times"}
