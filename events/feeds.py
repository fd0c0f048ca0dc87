"""The RSS feed of upcoming convenings, built on the site's shared page feed."""

from django.template.loader import render_to_string

from core.feeds import PageFeed, with_feed_images


class EventFeed(PageFeed):
    """Upcoming convenings, newest announcements first; never the joining link."""

    feed_title = "Convenings"

    def description(self):
        return self.index_page.intro or "Upcoming convenings from The Relationships Project."

    def items(self):
        events = self.index_page.events().upcoming().select_related("series")
        return with_feed_images(events.order_by("-first_published_at", "-pk"), "listing_image")

    def item_content_html(self, item):
        """When and where, ahead of the description, so a reader or newsletter has the essentials."""
        details = " ".join(render_to_string("events/includes/feed_details.html", {"event": item}).split())
        return details + super().item_content_html(item)
