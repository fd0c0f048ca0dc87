"""The fixed vocabularies of the map: kinds of entry, places, scales and what entries look for.

Themes are the one vocabulary editors manage (the `Theme` snippet); these change with the code,
because the tile map is drawn from the places and the filters' URLs use the keys.
"""

from dataclasses import dataclass

KINDS = [
    ("person", "Person"),
    ("organisation", "Organisation"),
    ("network", "Network"),
    ("programme", "Programme"),
]
SCALES = [
    ("local", "Local"),
    ("regional", "Regional"),
    ("national", "National"),
    ("international", "International"),
]
NEEDS = [
    ("collaborators", "Collaborators"),
    ("funding", "Funding"),
    ("learning", "Learning"),
    ("volunteers", "Volunteers"),
    ("sharing", "To share practice"),
]


# The tile grid keeps each nation and English region roughly where it lies, one equal tile each,
# so that small, crowded places (London) are as easy to find and to click as large, empty ones.
# It is drawn as the map shows it: each tile by its label, "." where there is none.
TILE_GRID = """
    .    SCO  .    .
    NI   .    NE   .
    .    NW   YH   .
    WAL  WM   EM   EE
    .    SW   LON  SE
"""
# Each place by its tile's label: the key that filter links and entries store, and its name.
NATIONS = {
    "SCO": ("scotland", "Scotland"),
    "NI": ("northern-ireland", "Northern Ireland"),
    "WAL": ("wales", "Wales"),
}
ENGLISH_REGIONS = {
    "NE": ("north-east", "North East"),
    "NW": ("north-west", "North West"),
    "YH": ("yorkshire", "Yorkshire and the Humber"),
    "WM": ("west-midlands", "West Midlands"),
    "EM": ("east-midlands", "East Midlands"),
    "EE": ("east", "East of England"),
    "SW": ("south-west", "South West"),
    "LON": ("london", "London"),
    "SE": ("south-east", "South East"),
}
# Work that is not in one place, listed beside the grid.
OFF_GRID = {"UK": ("uk-wide", "UK-wide"), "INT": ("international", "International")}


@dataclass(frozen=True)
class Region:
    """A place an entry works in; `tile` is its (column, row) on the grid, None when it is off it."""

    key: str
    name: str
    short: str
    tile: tuple[int, int] | None = None


GRID_ROWS = [line.split() for line in TILE_GRID.strip().splitlines()]


def regions():
    """Every place, those on the grid first, in reading order (north to south, west to east)."""
    names = {**NATIONS, **ENGLISH_REGIONS}
    drawn = [short for row in GRID_ROWS for short in row if short != "."]
    if sorted(drawn) != sorted(names):
        raise ValueError(
            f"TILE_GRID must draw each nation and English region once: {drawn} for {list(names)}"
        )
    on_grid = [
        Region(*names[short], short, (column, row))
        for row, shorts in enumerate(GRID_ROWS)
        for column, short in enumerate(shorts)
        if short != "."
    ]
    return [*on_grid, *(Region(key, name, short) for short, (key, name) in OFF_GRID.items())]


REGIONS = regions()
REGIONS_BY_KEY = {region.key: region for region in REGIONS}
REGION_CHOICES = [(region.key, region.name) for region in REGIONS]
