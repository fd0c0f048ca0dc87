"""Faceted filtering of stories by sector, scale and enabler, driven by a plain GET query string.

Values are OR-ed within a facet and AND-ed across facets. Each facet's counts are computed with the
other facets' filters applied, so a count says how many stories ticking that box would add; every
facet's counts are one grouped query, however many stories or values there are, and the three are
sent together as one union, as are the three lists of labels. Unknown values are ignored.
"""

from django.db.models import Count, F, IntegerField, Q, Value
from django.http import QueryDict

from core.facets import Option, active_filters, read_facet
from core.listings import ListingPaginator

from .models import CaseStudyPage, Enabler, Scale, Sector

FACETS = (("sector", "Sector"), ("scale", "Scale"), ("enabler", "Enabler"))


LABEL_MODELS = {"sector": Sector, "scale": Scale, "enabler": Enabler}
LABEL_COLUMNS = ("pk", "slug", "name", "description")


def explorer_labels():
    """{param: [label, …]} for every facet, each in its own order (scales as editors sorted them,
    the others by name), in one query."""
    tables = [
        model.objects.annotate(
            param=Value(param),
            position=F("sort_order") if param == "scale" else Value(0, output_field=IntegerField()),
        )
        .values_list("param", "position", *LABEL_COLUMNS)
        .order_by()
        for param, model in LABEL_MODELS.items()
    ]
    labels = {param: [] for param in LABEL_MODELS}
    for param, _, *values in tables[0].union(*tables[1:], all=True).order_by("param", "position", "name"):
        labels[param].append(LABEL_MODELS[param](**dict(zip(LABEL_COLUMNS, values, strict=True))))
    return labels


class StoryExplorer:
    """Filters a queryset of stories from request.GET and reports counts per filter value."""

    def __init__(self, stories, query):
        self.stories = stories
        self.query = query
        # Sectors and enablers are many-to-many (filtered through their link tables); scale is a column.
        self.through = {"sector": CaseStudyPage.sectors.through, "enabler": CaseStudyPage.enablers.through}
        labels = explorer_labels()
        self.facets_by_param = {param: self._facet(param, legend, labels[param]) for param, legend in FACETS}
        self.selected = {param: facet.chosen for param, facet in self.facets_by_param.items()}
        self._counted = None

    def _facet(self, param, legend, labels):
        options = [
            Option(label.slug, label.name, description=label.description, pk=label.pk) for label in labels
        ]
        return read_facet(self.query, param, legend, options)

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

    def _counts(self):
        """{param: {label pk: number of stories}} for every facet, each under the other facets'
        filters: one grouped query per facet, sent together."""
        if self._counted is None:
            grouped = []
            for param in self.facets_by_param:
                matching = self._filtered(except_param=param)
                if param == "scale":
                    rows, key = matching.order_by(), "scale_id"
                else:
                    rows = self.through[param].objects.filter(casestudypage_id__in=matching.values("pk"))
                    key = f"{param}_id"
                grouped.append(
                    rows.annotate(param=Value(param)).values_list("param", key).annotate(count=Count("pk"))
                )
            self._counted = {param: {} for param in self.facets_by_param}
            for param, pk, count in grouped[0].union(*grouped[1:], all=True):
                self._counted[param][pk] = count
        return self._counted

    def results(self):
        return self._filtered()

    def facets(self):
        """The facets with per-value counts."""
        counted = self._counts()
        for param, facet in self.facets_by_param.items():
            counts = counted[param]
            for option in facet.options:
                option.count = counts.get(option.pk, 0)
        return list(self.facets_by_param.values())

    def active_filters(self):
        return active_filters(self.facets_by_param.values(), self.link_without)

    def link_without(self, param, value):
        return f"?{self._query_without(param, value)}"

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
