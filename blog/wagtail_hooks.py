"""Admin wiring: the flat list of blog posts."""

from core.admin_listings import (
    EDITING_COLUMNS,
    PageListingAdmin,
    PageStatusFilter,
    register,
    related,
    year_filter,
)

from .models import BlogPage


@register
class BlogPostAdmin(PageListingAdmin):
    """Every post in one list, newest first, filterable the ways editors look for them."""

    model = BlogPage
    menu_label = "Blog posts"
    menu_icon = "doc-full"
    list_display = ("title", "date", "category", "author_list", *EDITING_COLUMNS)
    list_filter = (*related("category", "authors__person", "series"), PageStatusFilter, year_filter("date"))
    search_fields = ("title", "in_brief")
    ordering = ("-date", "-pk")
    select_related_columns = ("category",)
    prefetch_related_columns = ("authors__person",)

    def author_list(self, post):
        return ", ".join(author.person.name for author in post.authors.all()) or post.guest_author

    author_list.short_description = "Authors"
