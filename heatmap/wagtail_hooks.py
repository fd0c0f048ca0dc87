"""Admin wiring: the anonymous Heatmap totals under Reports, for those allowed to see them."""

from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .reports import PERMISSION, HeatmapTotalsView


class TotalsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_urls")
def register_totals_urls():
    return [path("reports/heatmap-totals/", HeatmapTotalsView.as_view(), name="heatmap_totals")]


@hooks.register("register_reports_menu_item")
def register_totals_menu_item():
    return TotalsMenuItem(
        "Heatmap totals", reverse("heatmap_totals"), name="heatmap-totals", icon_name="table", order=1320
    )
