"""The newsletter archive's RSS feed: one item per published issue, with its introduction and links."""

from django.template.loader import render_to_string

from core.feeds import PageFeed, absolutise


class NewsletterFeed(PageFeed):
    feed_title = "Newsletter"

    def description(self):
        return self.index_page.intro or "Issues of The Relationships Project's newsletter."

    def items(self):
        return self.index_page.issues().prefetch_related("items")[:20]

    def item_description(self, item):
        return f"{len(item.entries())} items from The Relationships Project."

    def item_content_html(self, item):
        return absolutise(
            render_to_string("newsletter/includes/issue_body.html", {"issue": item}), self.base_url
        )
