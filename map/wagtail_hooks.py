"""The map in the admin: the moderation queue (entries, with filters and CSV export) and themes."""

from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from .admin_views import moderate
from .models.entries import MapEntry, Theme
from .opendata import spreadsheet_safe

LOG_ACTIONS = {
    "map.confirm": ("Email confirmed", "Email confirmed"),
    "map.edit": ("Edited by the submitter", "Edited by the submitter"),
    "map.approve": ("Approved", "Approved"),
    "map.request_changes": ("Changes requested", "Changes requested"),
    "map.reject": ("Rejected", "Rejected"),
    "map.remove": ("Removed and personal data deleted", "Removed and personal data deleted"),
}


class EntryIndexView(IndexView):
    """The listing; its CSV export is made safe to open in a spreadsheet (no cell runs as a formula)."""

    def write_csv_row(self, writer, row_dict):
        return super().write_csv_row(
            writer, {key: spreadsheet_safe(value) for key, value in row_dict.items()}
        )


class MapEntryViewSet(SnippetViewSet):
    model = MapEntry
    index_view_class = EntryIndexView
    icon = "site"
    menu_label = "Entries"
    list_display = [
        TitleColumn(
            "name",
            label="Name",
            get_url=lambda entry: reverse("wagtailsnippets_map_mapentry:moderate", args=[entry.pk]),
        ),
        "kind",
        "region",
        Column("get_status_display", label="Status"),
        Column("has_pending_changes", label="Edit waiting"),
        Column("possible_duplicate", label="Possible duplicate"),
        DateColumn("created_at", label="Submitted"),
    ]
    list_filter = ["status", "has_pending_changes", "possible_duplicate", "kind", "region", "themes"]
    list_export = [
        "name",
        "kind",
        "region",
        "town",
        "description",
        "scale",
        "website",
        "public_contact",
        "email",
        "status",
        "allow_indexing",
        "created_at",
        "approved_at",
    ]
    export_filename = "relationships-map-entries"
    search_fields = ["name", "description", "email"]
    ordering = ["-created_at"]

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("<int:pk>/moderate/", moderate, name="moderate")]


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = "Themes"
    list_display = ["name", "slug"]


class MapViewSetGroup(SnippetViewSetGroup):
    menu_label = "Relationships Map"
    menu_icon = "site"
    menu_order = 150
    items = (MapEntryViewSet, ThemeViewSet)


register_snippet(MapViewSetGroup)


@hooks.register("register_log_actions")
def register_map_log_actions(actions):
    for action, (label, message) in LOG_ACTIONS.items():
        actions.register_action(action, label, message)
