"""Blog: news and thoughts from the field."""

from django.db import models
from django.utils import timezone

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyBlock
from home.models import ListingFieldsMixin


class BlogIndexPage(Page):
    """The blog's front page at /blog/."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["blog.BlogPage"]
    max_count = 1


class BlogPage(ListingFieldsMixin, Page):
    """An essay, reflection or piece of news."""

    date = models.DateField(
        "publication date", default=timezone.localdate, help_text="Shown on the post and used for ordering."
    )
    body = StreamField(BodyBlock())

    search_fields = [*Page.search_fields, *ListingFieldsMixin.search_fields, index.SearchField("body")]
    content_panels = [*Page.content_panels, FieldPanel("date"), FieldPanel("in_brief"), FieldPanel("body")]
    promote_panels = [*Page.promote_panels, *ListingFieldsMixin.promote_panels]

    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types = []
