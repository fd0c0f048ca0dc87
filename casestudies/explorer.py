"""Faceted filtering of stories by sector, scale and enabler, driven by a plain GET query string.

Values are OR-ed within a facet and AND-ed across facets. Each facet's counts are computed with the
other facets' filters applied, so a count says how many stories ticking that box would add; every
facet costs one grouped query, however many stories or values there are. Unknown values are ignored.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.http import QueryDict

from core.listings import ListingPaginator

from .models import CaseStudyPage, Enabler, Scale, Sector

FACETS = (("sector", "Sector"), ("scale", "Scale"), ("enabler", "Enabler"))


def explorer_labels():
    """{param: [label, …]} for every facet, in reading order (one query per facet)."""
    models = {"sector": Sector, "scale": Scale, "enabler": Enabler}
    return {param: list(model.objects.all()) for param, model in models.items()}


@dataclass
class FilterOption:
    pk: int
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
        self.stories = stories
        self.query = query
        # Sectors and enablers are many-to-many (filtered through their link tables); scale is a column.
        self.through = {"sector": CaseStudyPage.sectors.through, "enabler": CaseStudyPage.enablers.through}
        labels = explorer_labels()
        self.facets_by_param = {param: self._facet(param, legend, labels[param]) for param, legend in FACETS}
        self.selected = {
            param: [option for option in facet.options if option.selected]
            for param, facet in self.facets_by_param.items()
        }
        self._counted = {}

    def _facet(self, param, legend, labels):
        chosen = set(self.query.getlist(param))
        options = [
            FilterOption(label.pk, label.slug, label.name, label.description, selected=label.slug in chosen)
            for label in labels
        ]
        return Facet(param, legend, options)

    def _condition(self, param):
        pks = [option.pk for option in self.selected[param]]
        if not pks:
            return Q()
        if param == "scale":
            return Q(scale_id__in=pks)
        tagged = self.through[param].objects.filter(**{f"{param}_id__in": pks})
        return Q(pk__in=tagged.values("casestudypage_id"))

    def _filtered(self, *, except_param=None):
        conditions = Q()
        for param in self.facets_by_param:
            if param != except_param:
                conditions &= self._condition(param)
        return self.stories.filter(conditions)

    def _counts(self, param):
        """{label pk: number of stories} for one facet, under the other facets' filters, in one query."""
        if param not in self._counted:
            matching = self._filtered(except_param=param)
            if param == "scale":
                rows = matching.order_by().values_list("scale_id").annotate(count=Count("pk"))
            else:
                key = f"{param}_id"
                rows = (
                    self.through[param]
                    .objects.filter(casestudypage_id__in=matching.values("pk"))
                    .values_list(key)
                    .annotate(count=Count("pk"))
                )
            self._counted[param] = dict(rows)
        return self._counted[param]

    def results(self):
        return self._filtered()

    def facets(self):
        """The facets with per-value counts and, for selected values, a query that removes them."""
        for param, facet in self.facets_by_param.items():
            counts = self._counts(param)
            for option in facet.options:
                option.count = counts.get(option.pk, 0)
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
        for key, options in self.selected.items():
            params.setlist(key, [o.value for o in options if not (key == param and o.value == value)])
        return params.urlencode()

    def paginate(self, stories, per_page):
        """One page of `stories`, from `?page=` (junk or out of range gives the nearest page)."""
        return ListingPaginator(stories, per_page).get_page(self.query.get("page"))
