"""Blog: news and thoughts from the field, with archives, series and newsletter-grade feeds."""

import math
from urllib.parse import quote, urlencode

from django.db import models
from django.db.models import F, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.functional import cached_property

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from blog.feeds import BlogAtomFeed, BlogFeed
from editorial.checklist import ChecklistPanel
from editorial.guide import GuidePanel
from editorial.previews import CardPreviewMixin
from events.models import EventPage
from home.blocks import BodyBlock
from home.listings import ListingPaginator, attach_images, linked
from home.models import READ_ONLY_HTTP_METHODS, ListingFieldsMixin, Person, SiteSettings, SlugFromNameMixin
from home.page_forms import SitePageForm
from home.render_memo import social_rendition
from home.site_url import site_root
from home.visibility import PublicPage, PublicPageQuerySet

POSTS_PER_PAGE = 10
FEATURED_LIMIT = 3
RELATED_LIMIT = 3
WORDS_PER_MINUTE = 200


class ArchiveSnippet(SlugFromNameMixin, models.Model):
    """A way of grouping posts that has its own archive page, addressed by slug."""

    slug = models.SlugField(
        max_length=80,
        unique=True,
        blank=True,
        help_text="Used in the archive's web address; leave blank to make one from the name.",
    )
    description = models.TextField(
        blank=True, max_length=600, help_text="One or two sentences shown at the top of the archive page."
    )

    class Meta:
        abstract = True


@register_snippet
class Category(ArchiveSnippet):
    """The one broad subject of a post, such as Key Concepts, Reflections, Policy or Practice."""

    name = models.CharField(max_length=80, unique=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "categories"

    def __str__(self):
        return self.name


@register_snippet
class Series(ArchiveSnippet):
    """Posts meant to be read in order, such as "Key Concepts" or "Joining the Dots"."""

    title = models.CharField(max_length=120, unique=True)

    panels = [FieldPanel("title"), FieldPanel("slug"), FieldPanel("description")]

    class Meta:
        ordering = ["title"]
        verbose_name_plural = "series"

    def __str__(self):
        return self.title


class BlogPageQuerySet(PublicPageQuerySet):
    def for_listing(self):
        """Newest first, with the category and authors every card shows; cards never show the body."""
        return (
            self.select_related("category")
            .prefetch_related(Prefetch("authors", queryset=BlogPageAuthor.objects.select_related("person")))
            .defer_streamfields()
            .order_by("-date", "-pk")
        )


class BlogIndexPage(RoutablePageMixin, ListingFieldsMixin, PublicPage, Page):
    """The blog's front page at /blog/, with archives by category, tag, author, year and series."""

    search_fields = [*Page.search_fields, *ListingFieldsMixin.search_fields]
    content_panels = [GuidePanel(), *Page.content_panels, FieldPanel("in_brief")]
    promote_panels = [*Page.promote_panels, *ListingFieldsMixin.promote_panels]

    base_form_class = SitePageForm
    allowed_http_methods = READ_ONLY_HTTP_METHODS
    parent_page_types = ["home.HomePage"]
    subpage_types = ["blog.BlogPage"]
    max_count = 1
    page_description = "The blog's front page, listing every blog post."

    class Meta:
        verbose_name = "blog"
        verbose_name_plural = "blogs"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.archives())
        context["feed_url"] = self.route_url(request, "feed")
        return context

    def archives(self):
        """The categories, series and years that have public posts, for the archive links."""
        public_posts = BlogPage.objects.live().public().descendant_of(self)
        return {
            "categories": list(Category.objects.filter(posts__in=public_posts).distinct()),
            "series_list": list(Series.objects.filter(posts__in=public_posts).distinct()),
            "years": [day.year for day in public_posts.dates("date", "year", order="DESC")],
        }

    def posts(self):
        return BlogPage.objects.live().public().descendant_of(self).for_listing()

    def route_url(self, request, name, **kwargs):
        """The site-relative URL of one of this page's routes, e.g. a category archive."""
        return self.get_url(request) + self.reverse_subpage(name, kwargs=kwargs)

    def paginate(self, request, posts):
        """One page of `posts`, from `?page=` (junk or out of range gives the nearest page)."""
        return ListingPaginator(posts, POSTS_PER_PAGE).get_page(request.GET.get("page"))

    def render_archive(self, request, posts, **context):
        """One page of an archive's `posts`; an archive with no live posts is a 404, not an empty page."""
        listing = self.paginate(request, posts)
        if not listing.paginator.count:
            raise Http404("No posts here")
        return self.render(request, context_overrides={"posts": listing, **context})

    @path("")
    def index_route(self, request):
        featured = list(self.posts().filter(featured=True)[:FEATURED_LIMIT])
        posts = self.posts().exclude(pk__in=[post.pk for post in featured])
        listing = ListingPaginator(posts, POSTS_PER_PAGE, prepare=list).get_page(request.GET.get("page"))
        featured = featured if listing.number == 1 else []
        attach_images([*featured, *listing])  # both lists' images in one fetch
        return self.render(
            request,
            context_overrides={"posts": listing, "featured_posts": featured},
        )

    @path("category/<slug:slug>/")
    def category(self, request, slug):
        category = get_object_or_404(Category, slug=slug)
        return self.render_archive(
            request,
            self.posts().filter(category=category),
            archive_title=category.name,
            archive_kind="Category",
            archive_description=category.description,
            canonical_suffix=self.reverse_subpage("category", kwargs={"slug": slug}),
            archive_feed_url=self.route_url(request, "category_feed", slug=slug),
        )

    @path("tag/<slug:slug>/")
    def tag(self, request, slug):
        tag = get_object_or_404(Tag, slug=slug)
        return self.render_archive(
            request,
            self.posts().filter(tags=tag),
            archive_title=f"Tagged “{tag.name}”",
            archive_kind="Tag",
            canonical_suffix=self.reverse_subpage("tag", kwargs={"slug": slug}),
        )

    @path("author/<slug:slug>/")
    def author(self, request, slug):
        person = get_object_or_404(Person, slug=slug)
        return self.render_archive(
            request,
            self.posts().filter(authors__person=person),
            archive_title=person.name,
            archive_kind="Author",
            archive_description=person.bio,
            canonical_suffix=self.reverse_subpage("author", kwargs={"slug": slug}),
        )

    @re_path(r"^(?P<year>[0-9]{4})/$")
    def year(self, request, year):
        if year == "0000":  # no calendar has a year 0: the date lookup would raise
            raise Http404
        return self.render_archive(
            request,
            self.posts().filter(date__year=int(year)),
            archive_title=f"Posts from {year}",
            archive_kind="Year",
            canonical_suffix=self.reverse_subpage("year", kwargs={"year": year}),
        )

    @path("series/<slug:slug>/")
    def series(self, request, slug):
        series = get_object_or_404(Series, slug=slug)
        return self.render_archive(
            request,
            series_order(self.posts().filter(series=series)),
            archive_title=series.title,
            archive_kind="Series",
            archive_description=series.description,
            archive_in_order=True,
            canonical_suffix=self.reverse_subpage("series", kwargs={"slug": slug}),
            archive_feed_url=self.route_url(request, "series_feed", slug=slug),
        )

    @path("feed/")
    def feed(self, request):
        return BlogFeed(self)(request)

    @path("feed/atom/")
    def atom_feed(self, request):
        return BlogAtomFeed(self)(request)

    @path("feed/newsletter/")
    def newsletter_feed(self, request):
        """The feed the RSS-to-email newsletter reads: posts left out of the newsletter are not in it."""
        return BlogFeed(self, title=f"{self.title}: Newsletter", newsletter=True)(request)

    @path("category/<slug:slug>/feed/")
    def category_feed(self, request, slug):
        category = get_object_or_404(Category, slug=slug)
        return BlogFeed(
            self,
            title=f"{self.title}: Category {category.name}",
            link=self.get_full_url(request) + self.reverse_subpage("category", kwargs={"slug": slug}),
            description=category.description,
            category=category,
        )(request)

    @path("series/<slug:slug>/feed/")
    def series_feed(self, request, slug):
        series = get_object_or_404(Series, slug=slug)
        return BlogFeed(
            self,
            title=f"{self.title}: Series {series.title}",
            link=self.get_full_url(request) + self.reverse_subpage("series", kwargs={"slug": slug}),
            description=series.description,
            series=series,
        )(request)


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


class BlogPage(CardPreviewMixin, ListingFieldsMixin, PublicPage, Page):
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
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
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
    category = models.ForeignKey(
        Category,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="posts",
        help_text="The one broad subject of the post. Add categories under Snippets.",
    )
    tags = ClusterTaggableManager(
        through=BlogPageTag, blank=True, help_text="A few specific topics, e.g. 'neighbourhoods'."
    )
    series = models.ForeignKey(
        Series,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="posts",
        help_text="Only for posts meant to be read in order with others.",
    )
    series_position = models.PositiveSmallIntegerField(
        "position in series",
        null=True,
        blank=True,
        help_text="1 for the first part, 2 for the second… Leave blank to order by date.",
    )
    related_convening = models.ForeignKey(
        "events.EventPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
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
        *Page.search_fields,
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
        *Page.promote_panels,
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
    allowed_http_methods = READ_ONLY_HTTP_METHODS
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

    def get_json_ld(self, request, url, blog_index, authors, tags):
        """schema.org BlogPosting data for search engines."""
        site_settings = SiteSettings.load(request_or_site=request)
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
        data = {
            "@context": "https://schema.org",
            "@type": "BlogPosting",
            "headline": self.title,
            "description": self.in_brief,
            "url": url,
            "mainEntityOfPage": url,
            "datePublished": self.date.isoformat() if self.date else None,
            "dateModified": (self.last_published_at or timezone.now()).isoformat(),
            "author": people,
            "publisher": {"@type": "Organization", "name": site_settings.organisation_name},
            "wordCount": self.word_count,
            "keywords": [tag.name for tag in tags],
        }
        if self.category_id:
            data["articleSection"] = self.category.name
        image = self.get_social_image() or site_settings.default_social_image
        rendition = social_rendition(image) if image else None
        if rendition:
            data["image"] = site_root(request) + rendition.url
        return {key: value for key, value in data.items() if value not in (None, [])}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.post_context(request))
        return context

    def post_context(self, request):
        parent = self.get_parent().specific
        blog_index = parent if isinstance(parent, BlogIndexPage) else None
        authors = list(self.authors.select_related("person"))
        tags = list(self.tags.all())
        url = self.get_full_url(request)
        return {
            "blog_index": blog_index,
            "authors": authors,
            "tags": tags,
            "og_type": "article",
            "share_links": self.get_share_links(url),
            "json_ld": self.get_json_ld(request, url, blog_index, authors, tags) if blog_index else None,
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
    person = models.ForeignKey("home.Person", on_delete=models.CASCADE, related_name="blog_authorships")

    panels = [FieldPanel("person")]


class BlogPageRelatedPost(Orderable):
    """A post chosen by an editor to read next."""

    page = ParentalKey(BlogPage, on_delete=models.CASCADE, related_name="related_links")
    post = models.ForeignKey(BlogPage, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("post")]
