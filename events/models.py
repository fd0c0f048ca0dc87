"""Convenings: online talks and in-person gatherings, before and after they happen."""

from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyBlock
from home.models import ListingFieldsMixin


class EventIndexPage(Page):
    """The convenings programme at /convenings/."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count = 1


class EventPage(ListingFieldsMixin, Page):
    """One convening, announced ahead and carrying its reflections afterwards."""

    start = models.DateTimeField(help_text="Date and time in UK time (Europe/London).")
    end = models.DateTimeField(help_text="Date and time in UK time (Europe/London).")
    body = StreamField(BodyBlock(), blank=True)

    search_fields = [*Page.search_fields, *ListingFieldsMixin.search_fields, index.SearchField("body")]
    content_panels = [
        *Page.content_panels,
        FieldPanel("in_brief"),
        FieldPanel("start"),
        FieldPanel("end"),
        FieldPanel("body"),
    ]
    promote_panels = [*Page.promote_panels, *ListingFieldsMixin.promote_panels]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
