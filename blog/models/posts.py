"""A blog post, its authors, tags and the posts chosen to read next."""

import math
from operator import attrgetter
from urllib.parse import quote, urlencode

from django.apps import apps
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import BooleanField, ExpressionWrapper, F, Prefetch, Q, Window, prefetch_related_objects
from django.db.models.functions import RowNumber
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
from core.linked_pages import linked_pages, load_body_links
from core.listings import attach_images, linked
from core.models import ListingFieldsMixin, ReadOnlyPage
from core.page_forms import SitePageForm
from core.previews import CardPreviewMixin
from core.visibility import PublicPageQuerySet

from .snippets import Category, Series

RELATED_LIMIT = 3
WORDS_PER_MINUTE = 200


class BlogPageAuthor(Orderable):
    """One of a post's authors, in by-line order."""

    page = ParentalKey("blog.BlogPage", on_delete=models.CASCADE, related_name="authors")
    person = models.ForeignKey("core.Person", on_delete=models.CASCADE, related_name="blog_authorships")

    panels = [FieldPanel("person")]


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
    # Its pictures' renditions are read with its related posts' (core.routing, core.listings).
    own_images_with_cards = True

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
        validators=[MinValueValidator(1)],
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
            max_num=RELATED_LIMIT,
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

    def posts_elsewhere(self, tags):
        """(related posts, series navigation), read in one query of posts.

        The related posts are the hand-picked ones first, in the editor's order, then the newest
        sharing the category or a tag, RELATED_LIMIT in all and never this post: a subquery picks
        them, and the same query reads the series' parts. Each row says whether it shares anything
        and where it stands in the related order: the first RELATED_LIMIT sharing rows are the
        related posts (cheaper than asking the subquery again for each row). The parts are in
        reading order: by position, then by date for unnumbered ones."""
        shared, picked_order = linked(self.related_links.all(), "post")
        shared |= Q(
            pk__in=BlogPageTag.objects.filter(tag_id__in=[tag.pk for tag in tags]).values("content_object_id")
        )
        if self.category_id:
            shared |= Q(category_id=self.category_id)
        related_order = [F("picked_order").asc(nulls_last=True), F("date").desc(), F("pk").desc()]
        public = BlogPage.objects.live().public()
        related_ids = (
            public.exclude(pk=self.pk)
            .filter(shared)
            .annotate(picked_order=picked_order)
            .order_by(*related_order)
            .values("pk")[:RELATED_LIMIT]
        )
        in_series = Q(series_id=self.series_id) if self.series_id else Q(pk__in=[])
        posts = (
            public.filter(Q(pk__in=related_ids) | in_series)
            .select_related("category")
            .defer_streamfields()
            .annotate(
                picked_order=picked_order,
                shares=ExpressionWrapper(shared & ~Q(pk=self.pk), output_field=BooleanField()),
                related_place=Window(RowNumber(), order_by=related_order),
            )
        )
        posts = list(series_order(posts))
        related = sorted((post for post in posts if post.shares), key=attrgetter("related_place"))[
            :RELATED_LIMIT
        ]
        parts = [post for post in posts if self.series_id and post.series_id == self.series_id]
        return related, self.series_navigation(parts)

    def series_navigation(self, parts):
        """'Part n of m' with the neighbouring parts, or None when the post is not in a live series."""
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
        tags = list(self.tags.all())
        # The body's page links and glossary marks, and the convening it reflects on, in one query.
        load_body_links([self], self.related_convening_id)
        related_posts, series_navigation = self.posts_elsewhere(tags)
        # This post's authors with its related posts' (a preview keeps showing its own, unsaved),
        # and its pictures with theirs, before anything (the structured data) shows them.
        prefetch_related_objects([self, *related_posts], card_authors())
        attach_images(related_posts, served=self)
        authors = list(self.authors.all())
        url = self.get_full_url(request)
        return {
            "blog_index": blog_index,
            "authors": authors,
            "tags": tags,
            "og_type": "article",
            "share_links": self.get_share_links(url),
            "json_ld": self.get_json_ld(request, blog_index, authors, tags) if blog_index else None,
            "related_convening": self.reflected_convening(),
            "related_posts": related_posts,
            "series_navigation": series_navigation,
        }

    def reflected_convening(self):
        """The live, public convening the post reflects on, if any (read by `load_body_links`)."""
        if not self.related_convening_id:
            return None
        convening = linked_pages({self.related_convening_id})[self.related_convening_id]
        return convening if convening is not None and convening.live and not convening.is_private else None


class BlogPageRelatedPost(Orderable):
    """A post chosen by an editor to read next."""

    page = ParentalKey(BlogPage, on_delete=models.CASCADE, related_name="related_links")
    post = models.ForeignKey(BlogPage, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("post")]
