"""The blog's front page and its archives by category, tag, author, year and series, with their feeds."""

from django.db.models import prefetch_related_objects
from django.db.models.functions import ExtractYear
from django.http import Http404
from django.shortcuts import get_object_or_404

from taggit.models import Tag
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Page

from core.listings import ListingPaginator, attach_images
from core.models import ListingFieldsMixin, Person, ReadOnlyPage, SectionIndexPage
from core.routing import late

from .posts import BlogPage, card_authors, series_order
from .snippets import Category, Series

# The feeds import these models, so the index names them (see core.routing.late).
BlogFeed = late("blog.feeds.BlogFeed")
BlogAtomFeed = late("blog.feeds.BlogAtomFeed")

POSTS_PER_PAGE = 10
FEATURED_LIMIT = 3
ARCHIVE_COLUMNS = (
    "category_id",
    "category__name",
    "category__slug",
    "series_id",
    "series__title",
    "series__slug",
)


def term_archive(
    name, model, *, lookup=None, title="{term}", description_field="", feed="", reading_order=None
):
    """The index's route at `<name>/<slug>/`: the posts that share one `model` term, such as a category
    or an author, found by `lookup` (by default `name`); a 404 when no term has the slug. The heading
    is `title` formatted with the term, with the term's `description_field` beneath; `feed` names the
    route of the archive's feed, and `reading_order` puts the posts in an order of their own."""

    @path(f"{name}/<slug:slug>/", name=name)
    def route(page, request, slug):
        term = get_object_or_404(model, slug=slug)
        posts = page.posts().filter(**{lookup or name: term})
        return page.render_archive(
            request,
            reading_order(posts) if reading_order else posts,
            archive_title=title.format(term=term),
            archive_kind=name.capitalize(),
            archive_description=getattr(term, description_field) if description_field else "",
            archive_in_order=bool(reading_order),
            archive_feed_url=page.route_url(request, feed, slug=slug) if feed else "",
        )

    return route


class BlogIndexPage(SectionIndexPage, RoutablePageMixin, ListingFieldsMixin, ReadOnlyPage, Page):
    """The blog's front page at /blog/, with archives by category, tag, author, year and series."""

    subpage_types = ["blog.BlogPage"]
    page_description = "The blog's front page, listing every blog post."

    class Meta:
        verbose_name = "blog"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.archives())
        context["feed_url"] = self.route_url(request, "feed")
        return context

    def archives(self):
        """The categories, series and years that have public posts, for the archive links: one query
        for all three, reading each distinct (category, series, year) that public posts have."""
        public_posts = BlogPage.objects.live().public().descendant_of(self)
        rows = public_posts.order_by().values_list(*ARCHIVE_COLUMNS, ExtractYear("date")).distinct()
        categories, series, years = {}, {}, set()
        for category_id, category_name, category_slug, series_id, series_title, series_slug, year in rows:
            if category_id:
                categories[category_id] = Category(pk=category_id, name=category_name, slug=category_slug)
            if series_id:
                series[series_id] = Series(pk=series_id, title=series_title, slug=series_slug)
            if year:  # a post imported without a date has none
                years.add(year)
        return {
            # By name, as editors read them: case aside, as PostgreSQL's collation orders them.
            "categories": sorted(categories.values(), key=lambda category: category.name.casefold()),
            "series_list": sorted(series.values(), key=lambda one: one.title.casefold()),
            "years": sorted(years, reverse=True),
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
        """One page of an archive's `posts`; an archive with no live posts is a 404, not an empty page.

        Its canonical address is the route it was served from, without the query string."""
        listing = self.paginate(request, posts)
        if not listing.paginator.count:
            raise Http404("No posts here")
        route = request.routable_resolver_match
        canonical_suffix = self.reverse_subpage(route.url_name, kwargs=route.kwargs)
        return self.render(
            request,
            context_overrides={
                "posts": listing,
                "first_card_eager": True,
                "canonical_suffix": canonical_suffix,
                **context,
            },
        )

    @path("")
    def index_route(self, request):
        # Both lists' authors and images are fetched once, for the two together.
        posts = self.posts().prefetch_related(None)
        featured = list(posts.filter(featured=True)[:FEATURED_LIMIT])
        others = posts.exclude(pk__in=[post.pk for post in featured])
        listing = ListingPaginator(others, POSTS_PER_PAGE, prepare=list).get_page(request.GET.get("page"))
        featured = featured if listing.number == 1 else []
        shown = [*featured, *listing]
        prefetch_related_objects(shown, card_authors())
        attach_images(shown)
        return self.render(
            request,
            # The first card's picture is the page's largest: it loads at once.
            context_overrides={
                "posts": listing,
                "featured_posts": featured,
                "first_card_eager": not featured,
            },
        )

    category = term_archive("category", Category, description_field="description", feed="category_feed")
    tag = term_archive("tag", Tag, lookup="tags", title="Tagged “{term}”")
    author = term_archive("author", Person, lookup="authors__person", description_field="bio")
    series = term_archive(
        "series", Series, description_field="description", feed="series_feed", reading_order=series_order
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
        return BlogFeed(self, archive="category", slug=slug)(request)

    @path("series/<slug:slug>/feed/")
    def series_feed(self, request, slug):
        return BlogFeed(self, archive="series", slug=slug)(request)
