"""What every flat page listing in the admin shares: status and year filters and the editing columns.

Each app declares its listings in its `wagtail_hooks.py`, builds page listings on `PageListingAdmin` and
adds them to the menu with `register`, the one place the site calls on wagtail-modeladmin's registry.
"""

import datetime

from django.contrib.admin import RelatedFieldListFilter, SimpleListFilter
from django.core.exceptions import FieldDoesNotExist
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.text import capfirst

from wagtail.models import WorkflowState
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register
from wagtail_modeladmin.views import IndexView

from .models import ListingFieldsMixin
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


def names_column(heading, prefetch, names=None):
    """A listing column of the names in a page's many-relation, e.g. a story's sectors, which the listing
    fetches with its rows (`prefetch`, a lookup such as "sectors"). Where the related objects' text is not
    the name, `names` is the page's own list of them, e.g. a post's "author_names"."""

    def column(admin, page):
        return ", ".join(getattr(page, names) if names else map(str, getattr(page, prefetch).all()))

    column.short_description = heading
    column.prefetch = prefetch
    return column


class PageListingAdmin(ModelAdmin):
    """A flat, searchable list of one page type with its status and who last changed it.

    A listing states only its own columns and filters: every one ends with the editing columns and the
    status filter. What the page type already says is not said again: the menu label is its plural name,
    the search covers its title and, on a listed page, its In brief, and the relations its columns show
    are fetched with the list rather than once a row."""

    list_per_page = 50
    index_view_class = LocalTimeIndexView
    inspect_view_enabled = False
    # Searched as well as the title and In brief, which every listing searches: fields editors know a
    # page of this type by.
    search_fields = ()

    def get_list_display(self, request):
        return (*self.list_display, *EDITING_COLUMNS)

    def get_list_filter(self, request):
        return (*self.list_filter, PageStatusFilter)

    def get_menu_label(self):
        return self.menu_label or capfirst(self.opts.verbose_name_plural)

    def get_search_fields(self, request):
        in_brief = ("in_brief",) if issubclass(self.model, ListingFieldsMixin) else ()
        return ("title", *in_brief, *self.search_fields)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("latest_revision__user", *self.related_columns())
            .prefetch_related(*self.prefetched_columns())
        )

    def related_columns(self):
        """The columns that show a page's foreign key, such as a post's category."""
        return [name for name in self.named_columns() if self.is_foreign_key(name)]

    def is_foreign_key(self, name):
        try:
            return self.opts.get_field(name).many_to_one
        except FieldDoesNotExist:  # one of the admin's own columns, such as `status`
            return False

    def prefetched_columns(self):
        """What the `names_column` columns read, such as a story's sectors."""
        columns = (getattr(self, name, None) for name in self.named_columns())
        return [column.prefetch for column in columns if hasattr(column, "prefetch")]

    def named_columns(self):
        """The columns given by name; Django also allows a callable in `list_display`."""
        return [name for name in self.list_display if isinstance(name, str)]

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
