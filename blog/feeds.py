"""The blog's RSS and Atom feeds, read by feed readers and the RSS-to-email newsletter."""

import datetime

from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import get_text_list

from core.feeds import MediaAtomFeed, PageFeed, with_feed_images
from core.linked_pages import load_body_links

from .models import BlogPage, card_authors

FEED_LENGTH = 20


class BlogFeed(PageFeed):
    """The newest live, public posts.

    `archive` ("category" or "series") with `slug` narrows the posts to that archive's, and the
    feed then names and links to the archive, which is read with its posts (on its own only when
    it has none; a 404 when no archive has that slug). The `newsletter` feed, which the
    RSS-to-email newsletter reads, also leaves out the posts editors marked "leave out of the
    newsletter"; every other feed keeps them, as readers subscribed to the blog expect every post.
    """

    image_attribute = "hero_image"

    def __init__(self, index_page, title=None, archive=None, slug=None, newsletter=False):
        super().__init__(index_page, title)
        self.archive_kind = archive
        self.filters = {f"{archive}__slug": slug} if archive else {}
        if newsletter:
            self.filters["exclude_from_newsletter"] = False
        self.slug = slug

    @cached_property
    def posts(self):
        posts = (
            BlogPage.objects.live()
            .public()
            .descendant_of(self.index_page)
            .filter(**self.filters)
            .select_related("category", "series")
            .prefetch_related(card_authors(), "tags")
            .order_by("-date", "-pk")
        )
        posts = with_feed_images(posts[:FEED_LENGTH], "hero_image", "listing_image")
        # Every body's page links and glossary marks in one query, not one per body and kind.
        load_body_links(posts)
        return posts

    @cached_property
    def archive(self):
        if self.posts:
            return getattr(self.posts[0], self.archive_kind)
        return get_object_or_404(BlogPage._meta.get_field(self.archive_kind).related_model, slug=self.slug)

    def items(self):
        return self.posts

    def section_title(self):
        if self.archive_kind:
            return f"{self.index_page.title}: {self.archive_kind.capitalize()} {self.archive}"
        return super().section_title()

    def link(self):
        if not self.archive_kind:
            return super().link()
        return super().link() + self.index_page.reverse_subpage(self.archive_kind, kwargs={"slug": self.slug})

    def description(self):
        return self.archive.description if self.archive_kind else super().description()

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
