"""Admin wiring: the flat list of Case Maker stories."""

from core.admin_listings import EDITING_COLUMNS, PageListingAdmin, PageStatusFilter, register, related

from .models import CaseStudyPage


@register
class StoryAdmin(PageListingAdmin):
    """Every Case Maker story in one list, filterable by sector, scale and enabler."""

    model = CaseStudyPage
    menu_label = "Case Maker stories"
    menu_icon = "openquote"
    list_display = ("title", "organisation", "sector_list", "scale", *EDITING_COLUMNS)
    list_filter = (*related("sectors", "scale", "enablers"), PageStatusFilter)
    search_fields = ("title", "organisation", "in_brief")
    ordering = ("title", "pk")
    select_related_columns = ("scale",)
    prefetch_related_columns = ("sectors",)

    def sector_list(self, story):
        return ", ".join(sector.name for sector in story.sectors.all())

    sector_list.short_description = "Sectors"
