"""RSS of entries newly approved onto the map."""

from core.feeds import SiteFeed

from .models.entries import MapEntry

FEED_LENGTH = 20


class NewEntriesFeed(SiteFeed):
    """The newest approved entries first, with the public description only."""

    feed_title = "Relationships Map: new entries"

    def __init__(self, map_page):
        super().__init__()
        self.map_page = map_page

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
