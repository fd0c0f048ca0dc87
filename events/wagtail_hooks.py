"""Admin wiring: the flat list of convenings, with a spreadsheet export including attendance."""

from django.contrib.admin import SimpleListFilter
from django.utils import timezone

from core.admin_listings import PageListingAdmin, register, related

from .models import EventPage


class WhenFilter(SimpleListFilter):
    """Upcoming (not yet over) or past, by the convening's end time."""

    title = "when"
    parameter_name = "when"

    def lookups(self, request, model_admin):
        return [("upcoming", "Upcoming"), ("past", "Past")]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "upcoming":
            return queryset.filter(end__gte=now)
        if self.value() == "past":
            return queryset.filter(end__lt=now)
        return queryset


@register
class ConveningAdmin(PageListingAdmin):
    """Every convening in one list, soonest last, with a CSV/XLSX export for reporting attendance."""

    model = EventPage
    menu_icon = "date"
    list_display = ("title", "start", "format", "series")
    list_filter = (WhenFilter, "format", *related("series"))
    search_fields = ("venue_name",)
    ordering = ("-start", "-pk")
    list_export = (
        "title",
        "start",
        "end",
        "format",
        "venue_name",
        "series",
        "registration_url",
        "places",
        "attendance",
        "status",
    )
    export_filename = "convenings"
