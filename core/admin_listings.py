"""What every flat page listing in the admin shares: status and year filters and the editing columns.

Each app declares its listings in its `wagtail_hooks.py`, builds page listings on `PageListingAdmin` and
adds them to the menu with `register`, the one place the site calls on wagtail-modeladmin's registry.
"""

import datetime

from django.contrib.admin import RelatedFieldListFilter, SimpleListFilter
from django.db.models.functions import ExtractYear
from django.utils import timezone

from wagtail.models import WorkflowState
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register
from wagtail_modeladmin.views import IndexView

from .spreadsheets import SpreadsheetSafeExportMixin

# Menu positions by how often editors use each listing (Pages is 100, Images 300).
MENU_ORDER = {"blog": 110, "events": 120, "glossary": 130, "casestudies": 140, "newsletter": 150, "map": 160}

# The columns every page listing ends with: where the page stands and who changed it last.
EDITING_COLUMNS = ("status", "last_edited_by", "last_edited")


def register(listing):
    """Adds a listing (a `ModelAdmin` or a group of them) to the admin through wagtail-modeladmin,
    which the organisation asked to keep, at its app's place in `MENU_ORDER`."""
    listing.menu_order = MENU_ORDER[listing.__module__.partition(".")[0]]
    return modeladmin_register(listing)


class RelatedFilter(RelatedFieldListFilter):
    """Django's related-object filter, ordered by the related model's own ordering.

    Django's version asks `django.contrib.admin`'s site for an ordering, and that app is not installed.
    """

    def field_admin_ordering(self, field, request, model_admin):
        return ()


def related(*fields):
    """List-filter entries for related fields, e.g. `*related("category", "series")`."""
    return tuple((field, RelatedFilter) for field in fields)


def local_time(value):
    """A moment as UK local time with its offset, e.g. 2026-07-01 18:00+01:00 (naive values are taken as UTC)."""
    if timezone.is_naive(value):
        value = timezone.make_aware(value, datetime.UTC)
    return timezone.localtime(value).isoformat(sep=" ", timespec="minutes")


class LocalTimeIndexView(SpreadsheetSafeExportMixin, IndexView):
    """A listing whose CSV and XLSX exports write times as the editors read them, not in UTC."""

    custom_value_preprocess = {
        **IndexView.custom_value_preprocess,
        datetime.datetime: {IndexView.FORMAT_CSV: local_time, IndexView.FORMAT_XLSX: local_time},
    }


class PageStatusFilter(SimpleListFilter):
    """Live, live with unpublished changes, draft, awaiting approval, or scheduled to go live."""

    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [
            ("live", "Live"),
            ("changed", "Live, with unpublished changes"),
            ("draft", "Draft"),
            ("moderation", "In moderation"),
            ("scheduled", "Scheduled"),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "live":
            return queryset.filter(live=True)
        if value == "changed":
            return queryset.filter(live=True, has_unpublished_changes=True)
        if value == "draft":
            return queryset.filter(live=False)
        if value == "moderation":
            waiting = WorkflowState.objects.active().filter(base_content_type__model="page")
            return queryset.filter(pk__in=[int(pk) for pk in waiting.values_list("object_id", flat=True)])
        if value == "scheduled":
            return queryset.filter(live=False, go_live_at__isnull=False)
        return queryset


def year_filter(field):
    """A filter by calendar year of a date field, offering only years that have content."""

    class YearFilter(SimpleListFilter):
        title = "year"
        parameter_name = "year"

        def lookups(self, request, model_admin):
            years = (
                model_admin.model.objects.annotate(year=ExtractYear(field))
                .order_by("-year")
                .values_list("year", flat=True)
                .distinct()
            )
            return [(str(year), str(year)) for year in years if year]

        def queryset(self, request, queryset):
            if self.value() in {value for value, _ in self.lookup_choices}:
                return queryset.filter(**{f"{field}__year": int(self.value())})
            return queryset

    return YearFilter


class PageListingAdmin(ModelAdmin):
    """A flat, searchable list of one page type with its status and who last changed it."""

    list_per_page = 50
    index_view_class = LocalTimeIndexView
    inspect_view_enabled = False
    search_fields = ("title",)
    # What a listing's own columns read, fetched with the list rather than once a row.
    select_related_columns = ()
    prefetch_related_columns = ()

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("latest_revision__user", *self.select_related_columns)
            .prefetch_related(*self.prefetch_related_columns)
        )

    def status(self, page):
        return page.status_string.capitalize()

    def last_edited_by(self, page):
        revision = page.latest_revision
        user = revision.user if revision else None
        return (user.get_full_name() or user.get_username()) if user else "—"

    def last_edited(self, page):
        return page.latest_revision_created_at

    status.short_description = "Status"
    last_edited_by.short_description = "Last edited by"
    last_edited.short_description = "Last change"
    last_edited.admin_order_field = "latest_revision_created_at"
