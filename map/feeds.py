"""RSS of entries newly approved onto the map."""

from django.contrib.syndication.views import Feed

from core.feeds import MediaRssFeed
from core.models import SiteSettings

from .models.entries import MapEntry

FEED_LENGTH = 20


class NewEntriesFeed(Feed):
    """The newest approved entries first, with the public description only."""

    feed_type = MediaRssFeed

    def __init__(self, map_page):
        super().__init__()
        self.map_page = map_page

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        """Named as the site's other feeds are: the organisation, then the section."""
        organisation = SiteSettings.load(request_or_site=self.request).organisation_name
        return f"{organisation} — Relationships Map: new entries"

    def link(self):
        return self.map_page.get_full_url(self.request)

    def description(self):
        return "People and organisations who have just joined the Relationships Map."

    def items(self):
        return MapEntry.objects.public().order_by("-approved_at", "-pk")[:FEED_LENGTH]

    def item_title(self, item):
        return f"{item.name} ({item.get_kind_display()}, {item.region_name})"

    def item_description(self, item):
        return item.public_description

    def item_link(self, item):
        return self.map_page.get_full_url(self.request) + self.map_page.reverse_subpage(
            "entry", kwargs={"pk": item.pk}
        )

    def item_pubdate(self, item):
        return item.approved_at
