from .entries import MapEntry, MapEntryQuerySet, Status, Theme
from .pages import MapPage

__all__ = ["MapEntry", "MapEntryQuerySet", "MapPage", "Status", "Theme"]
