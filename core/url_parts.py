"""Whole numbers read from what a visitor or an editor sent: URL parts, query parameters, ids in rich text."""

# What a database integer column, LIMIT or OFFSET holds: a larger number names no row, and SQLite
# refuses to be asked for one at all.
LARGEST_INTEGER = 2**63 - 1


def parse_int(value, default=None):
    """`value` as an int, or `default` when it is missing, not a whole number or beyond what a
    database integer holds."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    return number if -LARGEST_INTEGER <= number <= LARGEST_INTEGER else default
