"""The checkbox filters of the site's explorers: the Case Maker's stories and the Relationships Map.

A facet is one GET parameter; its values are OR-ed, facets are AND-ed, so any combination of boxes
is one shareable URL, and unknown values are ignored. `includes/facets.html` draws the facets as
fieldsets, `includes/active_filters.html` the ones in use.
"""

from dataclasses import dataclass, field


@dataclass
class Option:
    """One box of a facet. `count` is how many results ticking it would give, None where not counted."""

    value: str
    label: str
    selected: bool = False
    description: str = ""
    count: int | None = None
    pk: int | None = None


@dataclass
class Facet:
    param: str
    legend: str
    options: list[Option] = field(default_factory=list)

    @property
    def chosen(self):
        """The chosen options, those the query names that are known values."""
        return [option for option in self.options if option.selected]


def read_facet(query, param, legend, options):
    """The facet `param` with `options` ticked as the query (request.GET) chooses them."""
    chosen = set(query.getlist(param))
    for option in options:
        option.selected = option.value in chosen
    return Facet(param, legend, options)


def active_filters(facets, link_without):
    """Each chosen option as (label, the link that removes it), for `includes/active_filters.html`;
    `link_without(param, value)` is the explorer's own link to its results without that option."""
    return [
        (f"{item.legend}: {option.label}", link_without(item.param, option.value))
        for item in facets
        for option in item.chosen
    ]
