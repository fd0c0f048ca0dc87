"""Scores into element averages, bands, heatmap cells and words: the arithmetic behind every view.

The cell colours come from ColorBrewer's YlGnBu, a sequential palette that stays distinguishable
with the common forms of colour blindness and in greyscale; the number is always in the cell too.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

STRENGTH_FROM = 4
DEVELOPING_FROM = 3
# Fill and text colour per rounded score (1-5); the text keeps at least 4.5:1 contrast on its fill.
PALETTE = {
    1: ("#ffffcc", "#1a1a1a"),
    2: ("#a1dab4", "#1a1a1a"),
    3: ("#41b6c4", "#1a1a1a"),
    4: ("#2c7fb8", "#000000"),
    5: ("#253494", "#ffffff"),
}
BAND_LABELS = {"work_on": "An area to work on", "developing": "Developing", "strength": "A strength"}


def band(mean):
    if mean is None:
        return None
    if mean >= STRENGTH_FROM:
        return "strength"
    if mean >= DEVELOPING_FROM:
        return "developing"
    return "work_on"


def shade(value):
    """The palette step (1-5) for a score or an average, halves rounding up."""
    if value is None:
        return None
    step = int(Decimal(str(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return min(max(step, 1), 5)


def rounded(value, places=1):
    if value is None:
        return None
    return float(Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


@dataclass
class Cell:
    value: float | None
    label: str = ""

    @property
    def shade(self):
        return shade(self.value)

    @property
    def fill(self):
        return PALETTE[self.shade][0] if self.shade else "#ffffff"

    @property
    def ink(self):
        return PALETTE[self.shade][1] if self.shade else "#1a1a1a"

    @property
    def text(self):
        if self.value is None:
            return "–"
        return f"{self.value:g}" if float(self.value).is_integer() else f"{rounded(self.value):.1f}"


@dataclass
class Row:
    key: str
    name: str
    cells: list
    mean: float | None = None
    padding: range = field(default_factory=lambda: range(0))

    @property
    def mean_cell(self):
        return Cell(rounded(self.mean))


def element_means(structure, scores):
    """{element key: mean of its answered statements} for one person's {statement key: score}."""
    means = {}
    for element in structure.elements:
        values = [scores[s["key"]] for s in element["statements"] if s["key"] in scores]
        means[element["key"]] = sum(values) / len(values) if values else None
    return means


def statement_grid(structure, values):
    """Rows of elements × statements, from {statement key: score or mean}."""
    rows = []
    for element in structure.elements:
        cells = [
            Cell(values.get(s["key"]), f"{number}. {s['text']}")
            for number, s in enumerate(element["statements"], start=1)
        ]
        known = [cell.value for cell in cells if cell.value is not None]
        mean = sum(known) / len(known) if known else None
        rows.append(Row(element["key"], element["name"], cells, mean))
    return rows


def findings(structure, means):
    """Strengths and areas to work on, in the editors' element order, each with its next steps."""
    strengths, work_on, developing = [], [], []
    for element in structure.elements:
        mean = means.get(element["key"])
        element_band = band(mean)
        if element_band is None:
            continue
        item = {
            "element": element,
            "mean": rounded(mean),
            "band": element_band,
            "steps": [step for step in element["next_steps"] if step["band"] == element_band],
        }
        {"strength": strengths, "work_on": work_on, "developing": developing}[element_band].append(item)
    return {"strengths": strengths, "work_on": work_on, "developing": developing}
