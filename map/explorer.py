"""The map's filters: theme, place, kind and "looking for", read from a plain GET query string.

Values are OR-ed within a filter and AND-ed across filters, so any combination is one shareable
URL. The tile map counts entries per place with every filter but the place applied, in one grouped
query, so a tile says how many matching entries choosing it would show. Unknown values are ignored.
"""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.http import QueryDict

from core.facets import Option, active_filters, read_facet

from .models.entries import MapEntry, Theme
from .taxonomy import GRID_ROWS, KINDS, NEEDS, REGION_CHOICES, REGIONS

# Shading steps of the tile map: a tile with at least this share of the busiest tile's count.
SHADES = ((0.75, 4), (0.5, 3), (0.25, 2), (0.0, 1))


@dataclass
class Tile:
    """One place on the tile map, with the link that filters to it; `x` and `y` are None off the grid."""

    key: str
    name: str
    short: str
    count: int
    url: str
    selected: bool
    shade: int
    x: int | None = None
    y: int | None = None


class MapExplorer:
    """Filters approved entries from request.GET and counts them by place."""

    TILE = 64
    GAP = 6

    def __init__(self, query, themes=None):
        self.query = query
        themes = list(Theme.objects.all()) if themes is None else themes
        self.facets = [
            read_facet(
                query,
                "theme",
                "Theme",
                [Option(theme.slug, theme.name, description=theme.description) for theme in themes],
            ),
            self._facet("region", "Where", REGION_CHOICES),
            self._facet("kind", "Kind", KINDS),
            self._facet("looking", "Looking for", NEEDS),
        ]
        self.chosen = {item.param: [option.value for option in item.chosen] for item in self.facets}

    def _facet(self, param, legend, choices):
        return read_facet(self.query, param, legend, [Option(value, label) for value, label in choices])

    def grid_size(self):
        """The tile grid's width and height, for the SVG's viewBox."""
        columns, rows = max(len(row) for row in GRID_ROWS), len(GRID_ROWS)
        return columns * (self.TILE + self.GAP) - self.GAP, rows * (self.TILE + self.GAP) - self.GAP

    def active_filters(self):
        return active_filters(self.facets, self.link_without)

    def link_without(self, param, value):
        return self.link(**{param: [chosen for chosen in self.chosen[param] if chosen != value]})

    def conditions(self, *, without=None):
        q = Q()
        chosen = {param: values for param, values in self.chosen.items() if param != without}
        if chosen.get("theme"):
            # Through the link table, so an entry on two chosen themes is still one result.
            tagged = MapEntry.themes.through.objects.filter(theme__slug__in=chosen["theme"])
            q &= Q(pk__in=tagged.values("mapentry_id"))
        if chosen.get("region"):
            q &= Q(region__in=chosen["region"])
        if chosen.get("kind"):
            q &= Q(kind__in=chosen["kind"])
        if chosen.get("looking"):
            # Only entries that chose to show what they are looking for can be found by it.
            needs = Q()
            for key in chosen["looking"]:
                needs |= Q(**{f"needs_{key}": True})
            q &= needs & Q(public_fields__icontains='"needs"')
        return q

    def filtered(self, entries, *, without=None):
        return entries.filter(self.conditions(without=without))

    def results(self):
        return self.filtered(MapEntry.objects.public()).order_by("name", "pk")

    def link(self, **changes):
        """The current query with some parameters replaced (a list) or removed (None), page reset."""
        params = QueryDict(mutable=True)
        params.update(self.query)
        params.pop("page", None)
        for key, values in changes.items():
            params.pop(key, None)
            if values:
                params.setlist(key, values)
        encoded = params.urlencode()
        return f"?{encoded}" if encoded else "?"

    def tiles(self):
        """Every place with its count, shade and link; grid places carry their position in the SVG."""
        counts = dict(
            self.filtered(MapEntry.objects.public(), without="region")
            .values_list("region")
            .annotate(count=Count("pk"))
            .values_list("region", "count")
        )
        busiest = max(counts.values(), default=0)
        chosen = set(self.chosen["region"])
        tiles = []
        for region in REGIONS:
            count = counts.get(region.key, 0)
            share = count / busiest if busiest else 0
            shade = 0 if not count else next(step for floor, step in SHADES if share >= floor)
            tile = Tile(
                region.key,
                region.name,
                region.short,
                count,
                self.link(region=None if region.key in chosen and len(chosen) == 1 else [region.key]),
                region.key in chosen,
                shade,
            )
            if region.tile:
                column, row = region.tile
                tile.x = column * (self.TILE + self.GAP)
                tile.y = row * (self.TILE + self.GAP)
            tiles.append(tile)
        return tiles
