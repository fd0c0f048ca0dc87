"""Admin wiring: the flat list of blog posts."""

from core.admin_listings import PageListingAdmin, names_column, register, related, year_filter

from .models import BlogPage


@register
class BlogPostAdmin(PageListingAdmin):
    """Every post in one list, newest first, filterable the ways editors look for them."""

    model = BlogPage
    menu_icon = "doc-full"
    list_display = ("title", "date", "category", "author_list")
    list_filter = (*related("category", "authors__person", "series"), year_filter("date"))
    ordering = ("-date", "-pk")

    author_list = names_column("Authors", "authors__person", names="author_names")
