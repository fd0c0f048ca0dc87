"""Cells for files people open in a spreadsheet (CSV exports and downloads)."""

# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """Text a spreadsheet will show as typed, never run: a list becomes "a; b", nothing an empty cell."""
    if value is None:
        return ""
    text = "; ".join(value) if isinstance(value, list) else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


class SpreadsheetSafeExportMixin:
    """For an admin listing with Wagtail's exports: its CSV cells never run as formulas.

    Wagtail already keeps XLSX cells as text; CSV has no types, so a cell typed by a reader (a
    search, a term suggestion, a Map entry) that starts with "=" would run when an editor opens it.
    """

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV and isinstance(value, str):
            return spreadsheet_safe(value)
        return value
