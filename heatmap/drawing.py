"""Lay out a heatmap as SVG shapes on the server: no script, no third-party library, any browser.

The figure is a picture of the table that follows it, which screen readers and printers also get.
"""

from dataclasses import dataclass

CELL_WIDTH = 52
CELL_HEIGHT = 40
HEADER_HEIGHT = 32
CHAR_WIDTH = 7.4
LABEL_MAX_CHARS = 28


@dataclass
class Shape:
    x: float
    y: float
    text: str
    fill: str = ""
    ink: str = ""
    tx: float = 0
    ty: float = 0


@dataclass
class Figure:
    width: float
    height: float
    cell_width: int
    cell_height: int
    label_width: float
    headers: list
    labels: list
    cells: list


def short(name):
    return name if len(name) <= LABEL_MAX_CHARS else name[: LABEL_MAX_CHARS - 1].rstrip() + "…"


def draw(rows, column_labels):
    """A Figure from scoring.Row objects, columns headed by `column_labels`."""
    longest = max((len(short(row.name)) for row in rows), default=10)
    label_width = round(longest * CHAR_WIDTH + 16)
    columns = max(len(column_labels), max((len(row.cells) for row in rows), default=0))
    headers = [
        Shape(label_width + index * CELL_WIDTH + CELL_WIDTH / 2, HEADER_HEIGHT - 10, str(label))
        for index, label in enumerate(column_labels)
    ]
    labels, cells = [], []
    for row_index, row in enumerate(rows):
        y = HEADER_HEIGHT + row_index * CELL_HEIGHT
        labels.append(Shape(label_width - 8, y + CELL_HEIGHT / 2 + 5, short(row.name)))
        for column, cell in enumerate(row.cells):
            cells.append(
                Shape(
                    label_width + column * CELL_WIDTH,
                    y,
                    cell.text,
                    fill=cell.fill,
                    ink=cell.ink,
                    tx=label_width + column * CELL_WIDTH + CELL_WIDTH / 2,
                    ty=y + CELL_HEIGHT / 2 + 5,
                )
            )
    return Figure(
        width=label_width + columns * CELL_WIDTH + 2,
        height=HEADER_HEIGHT + len(rows) * CELL_HEIGHT + 2,
        cell_width=CELL_WIDTH,
        cell_height=CELL_HEIGHT,
        label_width=label_width,
        headers=headers,
        labels=labels,
        cells=cells,
    )
