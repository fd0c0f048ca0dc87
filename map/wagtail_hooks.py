"""The map in the admin: the moderation queue (entries, with filters and CSV export) and themes."""

from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.admin_listings import MENU_ORDER
from core.spreadsheets import SpreadsheetSafeExportMixin

from .admin_views import moderate
from .models.entries import MapEntry, Theme

# The moderation history's actions; each is its own message in the entry's history.
LOG_ACTIONS = {
    "map.confirm": "Email confirmed",
    "map.edit": "Edited by the submitter",
    "map.approve": "Approved",
    "map.request_changes": "Changes requested",
    "map.reject": "Rejected",
    "map.remove": "Removed and personal data deleted",
}


class EntryIndexView(SpreadsheetSafeExportMixin, IndexView):
    """The listing; its CSV export is made safe to open in a spreadsheet (no cell runs as a formula)."""


class MapEntryViewSet(ModelViewSet):
    """The moderation queue. A model viewset, not a snippet: every snippet save retires the site's cached
    pages, and an entry only changes what the public sees once it is approved (see map.signals)."""

    model = MapEntry
    name = "map_entries"
    url_prefix = "map-entries"
    index_view_class = EntryIndexView
    icon = "site"
    menu_label = "Relationships Map"
    menu_order = MENU_ORDER["map"]
    add_to_admin_menu = True
    copy_view_enabled = False
    list_display = [
        TitleColumn(
            "name",
            label="Name",
            get_url=lambda entry: reverse("map_entries:moderate", args=[entry.pk]),
        ),
        "kind",
        "region",
        Column("get_status_display", label="Status"),
        BooleanColumn("has_pending_changes", label="Edit waiting"),
        BooleanColumn("possible_duplicate", label="Possible duplicate"),
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
    menu_label = "Map themes"
    list_display = ["name", "slug"]


register_snippet(ThemeViewSet)


@hooks.register("register_admin_viewset")
def register_map_entries():
    return MapEntryViewSet()


@hooks.register("register_log_actions")
def register_map_log_actions(actions):
    for action, label in LOG_ACTIONS.items():
        actions.register_action(action, label, label)
