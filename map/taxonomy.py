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


@dataclass(frozen=True)
class Region:
    """A place an entry works in; `column` and `row` place its tile on the grid (None: off the grid)."""

    key: str
    name: str
    short: str
    column: int | None = None
    row: int | None = None

    @property
    def on_grid(self):
        return self.column is not None


# The tile grid keeps each nation and English region roughly where it lies, one equal tile each,
# so that small, crowded places (London) are as easy to find and to click as large, empty ones.
REGIONS = [
    Region("scotland", "Scotland", "SCO", 1, 0),
    Region("northern-ireland", "Northern Ireland", "NI", 0, 1),
    Region("north-east", "North East", "NE", 2, 1),
    Region("north-west", "North West", "NW", 1, 2),
    Region("yorkshire", "Yorkshire and the Humber", "YH", 2, 2),
    Region("wales", "Wales", "WAL", 0, 3),
    Region("west-midlands", "West Midlands", "WM", 1, 3),
    Region("east-midlands", "East Midlands", "EM", 2, 3),
    Region("east", "East of England", "EE", 3, 3),
    Region("south-west", "South West", "SW", 1, 4),
    Region("london", "London", "LON", 2, 4),
    Region("south-east", "South East", "SE", 3, 4),
    Region("uk-wide", "UK-wide", "UK"),
    Region("international", "International", "INT"),
]
REGIONS_BY_KEY = {region.key: region for region in REGIONS}
REGION_CHOICES = [(region.key, region.name) for region in REGIONS]
