"""Admin wiring: the flat list of Case Maker stories."""

from core.admin_listings import PageListingAdmin, names_column, register, related

from .models import CaseStudyPage


@register
class StoryAdmin(PageListingAdmin):
    """Every Case Maker story in one list, filterable by sector, scale and enabler."""

    model = CaseStudyPage
    menu_label = "Case Maker stories"
    menu_icon = "openquote"
    list_display = ("title", "organisation", "sector_list", "scale")
    list_filter = related("sectors", "scale", "enablers")
    search_fields = ("organisation",)
    ordering = ("title", "pk")

    sector_list = names_column("Sectors", "sectors")
