"""Whole numbers read from what a visitor or an editor sent: URL parts, query parameters, ids in rich text."""


def parse_int(value, default=None):
    """`value` as an int, or `default` when it is missing or not a whole number."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return default
