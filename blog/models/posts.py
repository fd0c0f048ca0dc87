"""A blog post, its authors, tags and the posts chosen to read next."""

import math
from urllib.parse import quote, urlencode

from django.apps import apps
from django.db import models
from django.db.models import F, Prefetch, Q
from django.utils import timezone
from django.utils.functional import cached_property

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from core import structured_data
from core.blocks import BodyBlock
from core.checklist import ChecklistPanel
from core.fields import optional_link
from core.guide import GuidePanel
from core.listings import attach_images, linked
from core.models import ListingFieldsMixin, ReadOnlyPage
from core.page_forms import SitePageForm
from core.previews import CardPreviewMixin
from core.visibility import PublicPageQuerySet
from events.models import EventPage

from .snippets import Category, Series

RELATED_LIMIT = 3
WORDS_PER_MINUTE = 200


def card_authors():
    """The authors every post card names, with their people."""
    return Prefetch("authors", queryset=BlogPageAuthor.objects.select_related("person"))


class BlogPageQuerySet(PublicPageQuerySet):
    def for_listing(self):
        """Newest first, with the category and authors every card shows; cards never show the body."""
        return (
            self.select_related("category")
            .prefetch_related(card_authors())
            .defer_streamfields()
            .order_by("-date", "-pk")
        )


def series_order(posts):
    """Posts in reading order: by position in the series, then by date for unnumbered ones."""
    return posts.order_by(F("series_position").asc(nulls_last=True), "date", "pk")


class BlogPageTag(TaggedItemBase):
    content_object = ParentalKey("blog.BlogPage", on_delete=models.CASCADE, related_name="tagged_items")


class BlogPageForm(SitePageForm):
    """Editors must choose a category to publish; drafts, imports and other apps' code may leave it empty."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].required = True


class BlogPage(CardPreviewMixin, ListingFieldsMixin, ReadOnlyPage, Page):
    """An essay, reflection or piece of news by staff or guests."""

    card_template = "blog/includes/post_card.html"
    card_image_fields = ("listing_image", "hero_image")
    served_with = (*ListingFieldsMixin.served_with, "hero_image", "category", "series")

    date = models.DateField(
        "publication date",
        null=True,
        blank=True,
        help_text="Leave blank to use the day the post is first published. Posts are listed newest first.",
    )
    hero_image = optional_link(
        "wagtailimages.Image",
        help_text="Shown at the top of the post, in feeds and newsletters, and on cards without a listing image.",
    )
    hero_alt = models.CharField(
        "hero image alt text",
        max_length=250,
        blank=True,
        help_text="Describe the image for people who cannot see it. Leave blank to use the image's own description.",
    )
    guest_author = models.CharField(
        max_length=160,
        blank=True,
        help_text="A writer without a profile on the site, e.g. 'Kaiden, Samuel Centre Fellow'.",
    )
    body = StreamField(BodyBlock())
    category = optional_link(
        Category,
        related_name="posts",
        help_text="The one broad subject of the post. Add categories under Snippets.",
    )
    tags = ClusterTaggableManager(
        through=BlogPageTag, blank=True, help_text="A few specific topics, e.g. 'neighbourhoods'."
    )
    series = optional_link(
        Series, related_name="posts", help_text="Only for posts meant to be read in order with others."
    )
    series_position = models.PositiveSmallIntegerField(
        "position in series",
        null=True,
        blank=True,
        help_text="1 for the first part, 2 for the second… Leave blank to order by date.",
    )
    related_convening = optional_link(
        "events.EventPage",
        related_name="reflection_posts",
        help_text="For reflections on a convening: the post is then listed on the convening's page.",
    )
    featured = models.BooleanField(
        default=False, help_text="Show at the top of the blog's front page (the newest three featured posts)."
    )
    exclude_from_newsletter = models.BooleanField(
        "leave out of the newsletter feed",
        default=False,
        help_text=(
            "Keeps the post out of the newsletter's own feed (/blog/feed/newsletter/), which the "
            "newsletter is built from. The blog's public feeds still list it."
        ),
    )

    objects = PageManager.from_queryset(BlogPageQuerySet)()

    search_fields = [
        *ListingFieldsMixin.search_fields,
        index.SearchField("body"),
        index.SearchField("guest_author"),
        index.RelatedFields("category", [index.SearchField("name")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields("authors", [index.RelatedFields("person", [index.SearchField("name")])]),
        index.FilterField("date"),
    ]
    content_panels = [
        GuidePanel(),
        ChecklistPanel(),
        *Page.content_panels,
        FieldPanel("in_brief"),
        MultiFieldPanel(
            [
                InlinePanel("authors", label="Author", min_num=1),
                FieldPanel("guest_author"),
                FieldPanel("date"),
            ],
            heading="By-line",
        ),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_alt")], heading="Hero image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("category"),
                FieldPanel("tags"),
                FieldRowPanel([FieldPanel("series"), FieldPanel("series_position")]),
                FieldPanel("related_convening"),
            ],
            heading="Where it belongs",
        ),
    ]
    promote_panels = [
        *ListingFieldsMixin.promote_panels,
        MultiFieldPanel(
            [FieldPanel("featured"), FieldPanel("exclude_from_newsletter")],
            heading="Featuring and newsletter",
        ),
        InlinePanel(
            "related_links",
            label="Related post",
            heading="Related posts",
            help_text="Chosen posts come first; recent posts in the same category or with the same tags fill the rest.",
        ),
    ]

    base_form_class = BlogPageForm
    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types = []
    page_description = "A post on the blog, with an author, a date and a category."

    class Meta:
        verbose_name = "blog post"

    def save(self, *args, **kwargs):
        if self.date is None and self.live:
            self.date = timezone.localdate(self.first_published_at or timezone.now())
        super().save(*args, **kwargs)

    def get_social_image(self):
        return self.social_image or self.hero_image or self.listing_image

    @property
    def card_image(self):
        return self.listing_image or self.hero_image

    @property
    def hero_alt_text(self):
        if not self.hero_image:
            return ""
        return self.hero_alt or self.hero_image.default_alt_text

    @property
    def author_names(self):
        """Every author's name in order, guest last: the by-line used in feeds and structured data."""
        names = [author.person.name for author in self.authors.all()]
        return [*names, self.guest_author] if self.guest_author else names

    @cached_property
    def word_count(self):
        return sum(len(text.split()) for text in self.body.stream_block.get_searchable_content(self.body))

    @property
    def reading_time(self):
        """Minutes to read the body at an unhurried pace; never less than one."""
        return max(1, math.ceil(self.word_count / WORDS_PER_MINUTE))

    def get_related_posts(self, tags):
        """Hand-picked posts first, in the editor's order, then the newest sharing the category or a
        tag up to RELATED_LIMIT in all; never this post. The picks are read first; then one query
        returns the live picks and, after them, enough of the newest shared posts to fill the limit.
        (Numbering every shared post in the database instead takes longer than reading the picks.)"""
        links = list(self.related_links.all())
        shared, picked_order = linked(links, "post")
        shared |= Q(
            pk__in=BlogPageTag.objects.filter(tag_id__in=[tag.pk for tag in tags]).values("content_object_id")
        )
        if self.category_id:
            shared |= Q(category_id=self.category_id)
        order = [F("picked_order").asc(nulls_last=True), F("date").desc(), F("pk").desc()]
        related = (
            BlogPage.objects.live()
            .public()
            .for_listing()
            .exclude(pk=self.pk)
            .filter(shared)
            .annotate(picked_order=picked_order)
            .order_by(*order)[: len(links) + RELATED_LIMIT]
        )
        picked = [post for post in related if post.picked_order is not None]
        others = [post for post in related if post.picked_order is None]
        return attach_images(picked + others[: max(0, RELATED_LIMIT - len(picked))])

    def get_series_navigation(self):
        """'Part n of m' with the neighbouring parts, or None when the post is not in a live series."""
        if not self.series_id:
            return None
        parts = BlogPage.objects.live().public().filter(series_id=self.series_id).defer_streamfields()
        parts = list(series_order(parts))
        position = next((i for i, part in enumerate(parts) if part.pk == self.pk), None)
        if position is None:
            return None
        return {
            "series": self.series,
            "number": position + 1,
            "total": len(parts),
            "previous": parts[position - 1] if position > 0 else None,
            "next": parts[position + 1] if position + 1 < len(parts) else None,
        }

    def get_share_links(self, url):
        """Plain share links (no third-party scripts) for email, LinkedIn, Bluesky and Mastodon."""
        text = f"{self.title} {url}"
        return [
            ("Email", "mailto:?" + urlencode({"subject": self.title, "body": url}, quote_via=quote)),
            ("LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url})),
            ("Bluesky", "https://bsky.app/intent/compose?" + urlencode({"text": text})),
            # Mastodon has no central server; Tootpick asks for the reader's and keeps the text in the fragment.
            ("Mastodon", "https://tootpick.org/#" + urlencode({"text": text}, quote_via=quote)),
        ]

    def get_json_ld(self, request, blog_index, authors, tags):
        """schema.org BlogPosting data for search engines."""
        people = [
            {
                "@type": "Person",
                "name": author.person.name,
                "url": blog_index.get_full_url(request)
                + blog_index.reverse_subpage("author", kwargs={"slug": author.person.slug}),
            }
            for author in authors
        ]
        if self.guest_author:
            people.append({"@type": "Person", "name": self.guest_author})
        return structured_data.article(
            self,
            request,
            "BlogPosting",
            description=self.in_brief,
            datePublished=self.date.isoformat() if self.date else None,
            dateModified=(self.last_published_at or timezone.now()).isoformat(),
            author=people,
            wordCount=self.word_count,
            keywords=[tag.name for tag in tags],
            articleSection=self.category.name if self.category_id else None,
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.post_context(request))
        return context

    def post_context(self, request):
        parent = self.get_parent().specific
        blog_index = parent if isinstance(parent, apps.get_model("blog", "BlogIndexPage")) else None
        authors = list(self.authors.select_related("person"))
        tags = list(self.tags.all())
        url = self.get_full_url(request)
        return {
            "blog_index": blog_index,
            "authors": authors,
            "tags": tags,
            "og_type": "article",
            "share_links": self.get_share_links(url),
            "json_ld": self.get_json_ld(request, blog_index, authors, tags) if blog_index else None,
            **self.links_elsewhere(tags),
        }

    def links_elsewhere(self, tags):
        """The convening it reflects on, the posts to read next and its place in its series."""
        convenings = (
            EventPage.objects.live().public().filter(pk=self.related_convening_id).defer_streamfields()
        )
        return {
            "related_convening": convenings.first() if self.related_convening_id else None,
            "related_posts": self.get_related_posts(tags),
            "series_navigation": self.get_series_navigation(),
        }


class BlogPageAuthor(Orderable):
    """One of a post's authors, in by-line order."""

    page = ParentalKey(BlogPage, on_delete=models.CASCADE, related_name="authors")
    person = models.ForeignKey("core.Person", on_delete=models.CASCADE, related_name="blog_authorships")

    panels = [FieldPanel("person")]


class BlogPageRelatedPost(Orderable):
    """A post chosen by an editor to read next."""

    page = ParentalKey(BlogPage, on_delete=models.CASCADE, related_name="related_links")
    post = models.ForeignKey(BlogPage, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("post")]
