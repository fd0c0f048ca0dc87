"""The map's one page: exploring at its own address, and the routes for joining, confirming, managing,
entries, the feed and open data. The routes only dispatch; the work is in `map.views`."""

from django.db import models

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from core.blocks import RICH_TEXT_FEATURES
from core.models import IntroductionMixin, SectionIndexPage
from core.page_forms import SitePageForm
from core.routing import late
from core.visibility import PublicPage

from .entries import MapEntry

# The views use these models, so the page reaches them by name (see core.routing.late).
explore = late("map.views.explore")


def view_route(pattern, name):
    """A route of the page served by the view of the same name in `map.views`, which is given the
    page, the request and the values in the URL."""
    view = late(f"map.views.{name}")

    @path(pattern, name=name)
    def route(page, request, **kwargs):
        return view(page, request, **kwargs)

    return route


class MapPage(SectionIndexPage, RoutablePageMixin, IntroductionMixin, PublicPage, Page):
    """The Relationships Map: filters, the tile map and the cards of approved entries."""

    introduction = models.TextField(
        max_length=600, blank=True, help_text="A sentence or two above the map; also used when shared."
    )
    privacy_notice = RichTextField(
        features=RICH_TEXT_FEATURES,
        help_text="Shown on the Add yourself form; submitters agree to it. Say what is kept, why, for how long and how to remove it.",
    )
    data_licence_name = models.CharField(max_length=120, default="Creative Commons Attribution 4.0")
    data_licence_url = models.URLField(default="https://creativecommons.org/licenses/by/4.0/")

    content_panels = [
        *IntroductionMixin.content_panels,
        FieldPanel("privacy_notice"),
        MultiFieldPanel(
            [FieldPanel("data_licence_name"), FieldPanel("data_licence_url")], heading="Open data licence"
        ),
    ]

    base_form_class = SitePageForm
    subpage_types = []

    class Meta:
        verbose_name = "Relationships Map"

    @path("", name="index")
    def index_route(self, request):
        """Filters, tile map and cards; the other routes render without them."""
        return self.render(request, context_overrides=explore(self, request))

    def get_sitemap_urls(self, request=None):
        """The page, then each approved entry whose submitter allowed search engines to index it."""
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        entries = MapEntry.objects.indexable().order_by("pk").only("pk", "approved_at")
        urls.extend(
            {
                "location": base + self.reverse_subpage("entry", kwargs={"pk": entry.pk}),
                "lastmod": entry.approved_at,
            }
            for entry in entries
        )
        return urls

    join = view_route("join/", "join")
    join_sent = view_route("join/sent/", "join_sent")
    confirm = view_route("confirm/<str:token>/", "confirm")
    manage = view_route("manage/<str:token>/", "manage")
    entry = view_route("entries/<int:pk>/", "entry")
    feed = view_route("feed/", "feed")
    open_data_csv = view_route("open-data/csv/", "open_data_csv")
    open_data_json = view_route("open-data/json/", "open_data_json")
