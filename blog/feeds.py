"""The blog's RSS and Atom feeds, read by feed readers and the RSS-to-email newsletter."""

import datetime

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.text import get_text_list

from core.feeds import MediaAtomFeed, PageFeed, with_feed_images, with_links_loaded

from .models import BlogPage, BlogPageAuthor

FEED_LENGTH = 20


class BlogFeed(PageFeed):
    """The newest live, public posts.

    `filters` narrows the posts (a category or series feed); `link` (absolute) and
    `description` describe that narrower feed. The `newsletter` feed, which the RSS-to-email
    newsletter reads, also leaves out the posts editors marked "leave out of the newsletter";
    every other feed keeps them, as readers subscribed to the blog expect every post.
    """

    image_attribute = "hero_image"

    def __init__(self, index_page, title=None, link=None, description=None, newsletter=False, **filters):
        super().__init__(index_page, title)
        self.archive_link = link
        self.archive_description = description
        self.filters = {**filters, "exclude_from_newsletter": False} if newsletter else filters

    def items(self):
        posts = (
            BlogPage.objects.live()
            .public()
            .descendant_of(self.index_page)
            .filter(**self.filters)
            .select_related("category")
            .prefetch_related(
                Prefetch("authors", queryset=BlogPageAuthor.objects.select_related("person")), "tags"
            )
            .order_by("-date", "-pk")
        )
        return with_links_loaded(with_feed_images(posts[:FEED_LENGTH], "hero_image", "listing_image"))

    def link(self):
        return self.archive_link or super().link()

    def description(self):
        return self.archive_description or super().description()

    def item_pubdate(self, item):
        """The editor's publication date, with the real time of day when it was published that day.

        Otherwise midday UK time, so the date reads the same in UTC and in readers' time zones.
        """
        published = item.first_published_at
        if published and timezone.localdate(published) == item.date:
            return published
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(12)))

    def item_author_name(self, item):
        return get_text_list(item.author_names, "and") or None

    def item_categories(self, item):
        category = [item.category.name] if item.category_id else []
        return category + [tag.name for tag in item.tags.all()]

    def item_image(self, item):
        return item.hero_image or item.listing_image

    def item_image_alt(self, item):
        return item.hero_alt_text if item.hero_image else super().item_image_alt(item)


class BlogAtomFeed(BlogFeed):
    feed_type = MediaAtomFeed
