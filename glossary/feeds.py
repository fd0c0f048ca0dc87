"""RSS of newly added glossary terms, on the site's shared feed base."""

from django.template.loader import render_to_string

from core.feeds import PageFeed, absolutise

from .models import GlossaryTermPage

FEED_LENGTH = 20


class GlossaryFeed(PageFeed):
    """The newest terms first; each item carries the short definition and the fuller explanation."""

    def items(self):
        return (
            GlossaryTermPage.objects.child_of(self.index_page)
            .live()
            .public()
            .order_by("-first_published_at", "-pk")[:FEED_LENGTH]
        )

    def description(self):
        return self.index_page.introduction or "New terms in the glossary of relational phrases."

    def item_description(self, item):
        return item.short_definition

    def item_image(self, item):
        return None

    def item_content_html(self, item):
        html = render_to_string("glossary/includes/feed_item.html", {"term": item})
        return absolutise(html, self.base_url)
