"""The admin's anonymous totals: results per Heatmap and month, and the average per element.

Built only from counts and averages: no result, label, link or single answer is ever listed, so
nothing an editor sees can be tied back to a person.
"""

import csv

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .aggregates import element_averages, monthly_totals
from .models import HeatmapVersion
from .scoring import rounded

# Results have no admin listing of their own, so "view" on them grants this report and nothing else.
PERMISSION = "heatmap.view_heatmapresult"


def element_names(page_ids):
    """{(page id, element key): name}, newer versions' wording winning."""
    names = {}
    for version in HeatmapVersion.objects.filter(page_id__in=page_ids).order_by("page_id", "number"):
        for element in version.questions.elements:
            names[(version.page_id, element["key"])] = element["name"]
    return names


def totals():
    months = list(monthly_totals())
    averages = list(element_averages())
    names = element_names({row["result__version__page_id"] for row in averages})
    titles = {row["version__page_id"]: row["version__page__title"] for row in months}
    elements = [
        {
            "heatmap": titles.get(row["result__version__page_id"], ""),
            "element": names.get((row["result__version__page_id"], row["element_key"]), "(removed element)"),
            "mean": rounded(row["mean"], 2),
            "results": row["count"],
        }
        for row in averages
    ]
    return months, sorted(elements, key=lambda row: (row["heatmap"], row["element"]))


class HeatmapTotalsView(WagtailAdminTemplateMixin, TemplateView):
    page_title = "Heatmap totals"
    header_icon = "table"
    template_name = "heatmap/admin/totals.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        months, elements = totals()
        if request.GET.get("export") == "csv":
            return export(months, elements)
        return self.render_to_response(self.get_context_data(months=months, elements=elements))


def export(months, elements):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="heatmap-totals.csv"'
    writer = csv.writer(response)
    writer.writerow(["Table", "Heatmap", "Month or element", "Results", "Average score"])
    for row in months:
        writer.writerow(
            ["results per month", row["version__page__title"], f"{row['month']:%Y-%m}", row["count"], ""]
        )
    for row in elements:
        writer.writerow(["average per element", row["heatmap"], row["element"], row["results"], row["mean"]])
    return response
