"""Admin wiring: the flat list of Case Maker stories."""

from wagtail_modeladmin.options import modeladmin_register

from core.admin_listings import MENU_ORDER, PageListingAdmin, PageStatusFilter, related

from .models import CaseStudyPage


@modeladmin_register
class StoryAdmin(PageListingAdmin):
    """Every Case Maker story in one list, filterable by sector, scale and enabler."""

    model = CaseStudyPage
    menu_label = "Case Maker stories"
    menu_icon = "openquote"
    menu_order = MENU_ORDER["casestudies"]
    list_display = (
        "title",
        "organisation",
        "sector_list",
        "scale",
        "status",
        "last_edited_by",
        "last_edited",
    )
    list_filter = (*related("sectors", "scale", "enablers"), PageStatusFilter)
    search_fields = ("title", "organisation", "in_brief")
    ordering = ("title", "pk")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("scale").prefetch_related("sectors")

    def sector_list(self, story):
        return ", ".join(sector.name for sector in story.sectors.all())

    sector_list.short_description = "Sectors"
