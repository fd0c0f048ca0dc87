"""The Case Maker's RSS and Atom feeds of new stories, on the shared newsletter-grade base."""

from django.template.loader import render_to_string

from core.feeds import MediaAtomFeed, PageFeed, absolutise, with_feed_images

FEED_LENGTH = 20


class CaseStudyFeed(PageFeed):
    """The newest live, public stories; each item carries the whole story, not only its body."""

    def items(self):
        stories = self.index_page.stories().select_related("storyteller").prefetch_related("sectors")
        return with_feed_images(stories[:FEED_LENGTH], "listing_image")

    def item_author_name(self, item):
        storyteller = item.get_storyteller()
        return storyteller[0] if storyteller else None

    def item_categories(self, item):
        return [sector.name for sector in item.sectors.all()]

    def item_content_html(self, item):
        """What they did, what changed, evidence, quotes and the full story."""
        return absolutise(render_to_string("casestudies/feed_item.html", {"story": item}), self.base_url)


class CaseStudyAtomFeed(CaseStudyFeed):
    feed_type = MediaAtomFeed
