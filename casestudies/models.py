"""The Case Maker: stories and evidence for putting relationships first."""

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyBlock
from home.models import ListingFieldsMixin


class CaseMakerPage(Page):
    """The Case Maker's front page at /case-maker/."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["casestudies.CaseStudyPage"]
    max_count = 1


class CaseStudyPage(ListingFieldsMixin, Page):
    """A real story of relationship-centred practice."""

    body = StreamField(BodyBlock(), blank=True)

    search_fields = [*Page.search_fields, *ListingFieldsMixin.search_fields, index.SearchField("body")]
    content_panels = [*Page.content_panels, FieldPanel("in_brief"), FieldPanel("body")]
    promote_panels = [*Page.promote_panels, *ListingFieldsMixin.promote_panels]

    parent_page_types = ["casestudies.CaseMakerPage"]
    subpage_types = []
