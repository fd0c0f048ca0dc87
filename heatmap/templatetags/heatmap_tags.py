from django import template

from ..drawing import draw

register = template.Library()


@register.inclusion_tag("heatmap/includes/grid.html")
def heatmap_grid(rows, column_labels, caption, column_heading, grid_id, scale=None, mean_heading=""):
    """The heatmap as an SVG picture and, after it, the same figures as a table."""
    column_labels = list(column_labels)
    for row in rows:
        row.padding = range(max(0, len(column_labels) - len(row.cells)))
    return {
        "figure": draw(rows, column_labels),
        "rows": rows,
        "column_labels": column_labels,
        "caption": caption,
        "column_heading": column_heading,
        "grid_id": grid_id,
        "scale": scale,
        "mean_heading": mean_heading,
    }
