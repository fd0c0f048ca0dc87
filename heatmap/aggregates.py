"""Group and site-wide figures computed in the database, so a group of hundreds costs a few queries.

Only completed results count, and a group's figures are shown only from MIN_GROUP_SIZE answers on,
so that nobody's answers can be singled out.
"""

from django.db.models import Avg, Count, StdDev
from django.db.models.functions import TruncMonth

from .models import Answer, HeatmapResult

MIN_GROUP_SIZE = 3
# The elements × people grid is drawn for groups up to this size; larger ones see the spread instead.
PEOPLE_GRID_LIMIT = 40


def completed_answers(**filters):
    return Answer.objects.filter(result__completed_at__isnull=False, **filters)


def group_statement_stats(group):
    """{statement key: {"mean", "spread", "count"}}; spread is the population standard deviation."""
    rows = (
        completed_answers(result__group=group)
        .values("statement_key")
        .annotate(mean=Avg("score"), spread=StdDev("score"), count=Count("id"))
        .order_by()
    )
    return {row["statement_key"]: row for row in rows}


def means_by_element(by, order_by=(), **filters):
    """{value of `by`: {element key: mean}} over the completed answers `filters` select, in one
    query; the outer keys come in the order `order_by` gives."""
    rows = (
        completed_answers(**filters).values(by, "element_key").annotate(mean=Avg("score")).order_by(*order_by)
    )
    means = {}
    for row in rows:
        means.setdefault(row[by], {})[row["element_key"]] = row["mean"]
    return means


def group_people_means(group):
    """[{element key: mean}] a person, in the order people finished, for the elements × people grid."""
    people = means_by_element("result_id", ("result__completed_at", "result_id"), result__group=group)
    return list(people.values())


def element_means_by_group(groups):
    """{group id: {element key: mean}} for several rounds of a group in one query."""
    return means_by_element("result__group_id", result__group__in=groups)


def completed_counts(groups):
    rows = (
        HeatmapResult.objects.filter(group__in=groups, completed_at__isnull=False)
        .values("group_id")
        .annotate(count=Count("id"))
        .order_by()
    )
    return {row["group_id"]: row["count"] for row in rows}


def monthly_totals():
    """Completed results per Heatmap page and month: counts only, nothing about anyone."""
    return (
        HeatmapResult.objects.filter(completed_at__isnull=False)
        .annotate(month=TruncMonth("completed_at"))
        .values("version__page_id", "version__page__title", "month")
        .annotate(count=Count("id"))
        .order_by("version__page__title", "version__page_id", "month")
    )


def element_averages():
    """Average score per Heatmap page and element over every completed result."""
    return (
        completed_answers()
        .values("result__version__page_id", "element_key")
        .annotate(mean=Avg("score"), count=Count("result_id", distinct=True))
        .order_by("result__version__page_id", "element_key")
    )
