"""Faceted filtering of stories by sector, scale and enabler, driven by a plain GET query string.

Values are OR-ed within a facet and AND-ed across facets. Each facet's counts are computed with the
other facets' filters applied, so a count says how many stories ticking that box would add; every
facet costs one grouped query, however many stories or values there are. Unknown values are ignored.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.http import QueryDict

from home.listings import ListingPaginator
from home.page_cache import per_generation


@dataclass
class FilterOption:
    value: str
    label: str
    description: str
    count: int = 0
    selected: bool = False
    remove_query: str = ""


@dataclass
class Facet:
    param: str
    legend: str
    options: list[FilterOption] = field(default_factory=list)

    @property
    def selected_options(self):
        return [option for option in self.options if option.selected]


class StoryExplorer:
    """Filters a queryset of stories from request.GET and reports counts per filter value."""

    def __init__(self, stories, query):
        # Imported here because the models module builds on this one.
        from .models import CaseStudyPage, Enabler, Scale, Sector

        self.stories = stories
        self.query = query
        self.through = {"sector": CaseStudyPage.sectors.through, "enabler": CaseStudyPage.enablers.through}
        labels = per_generation(
            "explorer-labels",
            lambda: {
                param: [(label.slug, label.name, label.description) for label in model.objects.all()]
                for param, model in (("sector", Sector), ("enabler", Enabler))
            },
        )
        self.facets_by_param = {
            "sector": self._facet("sector", "Sector", labels["sector"]),
            "scale": self._facet("scale", "Scale", [(value, label, "") for value, label in Scale.choices]),
            "enabler": self._facet("enabler", "Enabler", labels["enabler"]),
        }
        self.selected = {
            param: [option.value for option in facet.options if option.selected]
            for param, facet in self.facets_by_param.items()
        }

    def _facet(self, param, legend, choices):
        chosen = set(self.query.getlist(param))
        options = [
            FilterOption(value, label, text, selected=value in chosen) for value, label, text in choices
        ]
        return Facet(param, legend, options)

    def _condition(self, param):
        values = self.selected[param]
        if not values:
            return Q()
        if param == "scale":
            return Q(scale__in=values)
        tagged = self.through[param].objects.filter(**{f"{param}__slug__in": values})
        return Q(pk__in=tagged.values("casestudypage_id"))

    def _filtered(self, *, except_param=None):
        conditions = Q()
        for param in self.facets_by_param:
            if param != except_param:
                conditions &= self._condition(param)
        return self.stories.filter(conditions)

    def _counts(self, param):
        """{value: number of stories} for one facet, under the other facets' filters, in one query."""
        matching = self._filtered(except_param=param)
        if param == "scale":
            rows = (
                matching.order_by().values("scale").annotate(count=Count("pk")).values_list("scale", "count")
            )
        else:
            key = f"{param}__slug"
            rows = (
                self.through[param]
                .objects.filter(casestudypage_id__in=matching.values("pk"))
                .values(key)
                .annotate(count=Count("pk"))
                .values_list(key, "count")
            )
        return dict(rows)

    def results(self):
        return self._filtered()

    def facets(self):
        """The facets with per-value counts and, for selected values, a query that removes them."""
        for param, facet in self.facets_by_param.items():
            counts = self._counts(param)
            for option in facet.options:
                option.count = counts.get(option.value, 0)
                if option.selected:
                    option.remove_query = self._query_without(param, option.value)
        return list(self.facets_by_param.values())

    @property
    def is_filtered(self):
        return any(self.selected.values())

    def filter_query(self):
        """The query string of the valid filters alone, for links such as 'print these cards'."""
        return self._query_without(None, None)

    def _query_without(self, param, value):
        params = QueryDict(mutable=True)
        for key, values in self.selected.items():
            params.setlist(key, [v for v in values if not (key == param and v == value)])
        return params.urlencode()

    def paginate(self, stories, per_page):
        return ListingPaginator(stories, per_page).get_page(self.query.get("page"))
