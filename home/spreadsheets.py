"""Cells for files people open in a spreadsheet (CSV exports and downloads)."""

# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """Text a spreadsheet will show as typed, never run: a list becomes "a; b", nothing an empty cell."""
    if value is None:
        return ""
    text = "; ".join(value) if isinstance(value, list) else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text
