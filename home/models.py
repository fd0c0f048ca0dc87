"""The home page: a hero, editors' picks and the latest from each part of the site."""

from django.db import models
from django.db.models import BooleanField, ExpressionWrapper, Q, prefetch_related_objects
from django.db.models.functions import Length, Substr

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page

from blog.models import BlogPage
from casestudies.models import CaseStudyPage
from core import routing
from core.blocks import TestimonialBlock
from core.fields import optional_link
from core.guide import GuidePanel
from core.listings import attach_images, linked
from core.models import ReadOnlyPage
from core.visibility import site_pages
from events.models import EventPage
from glossary.models import GlossaryTermPage
from heatmap.models import HeatmapPage
from map.models import MapPage

TOOLS = ("relationships_map", "heatmap")
SHOWN = ("newest_story", "next_event", "glossary_term", *TOOLS)
NEWEST = ("-first_published_at", "-pk")


def shown_pages():
    """The pages the home page shows that are picked by date or place (the newest story shows when
    editors choose none), each the first of its queryset."""
    return {
        "newest_story": CaseStudyPage.objects.live().public().order_by(*NEWEST),
        "next_event": EventPage.objects.live().public().upcoming(),
        "glossary_term": GlossaryTermPage.objects.live().public().order_by(*NEWEST),
        "relationships_map": MapPage.objects.live().public().order_by("path"),
        "heatmap": HeatmapPage.objects.live().public().order_by("path"),
    }


def featured_order(page):
    """The editors' order of the featured pages (rows saved without one come last, oldest first)."""
    return (page.link_place is None, page.link_place or 0, page.pk)


def parent_path(page):
    return page.path[: -Page.steplen]


class HomePage(ReadOnlyPage, Page):
    """The front door: a hero, editors' picks and the latest from each part of the site."""

    strapline = models.CharField(max_length=200, help_text="The big sentence at the top of the page.")
    hero_text = models.TextField(blank=True, max_length=500)
    hero_image = optional_link(
        "wagtailimages.Image",
        help_text=(
            "Decoration beside the strapline: screen readers skip it, so choose a picture "
            "that carries no information and no words."
        ),
    )
    hero_link_text = models.CharField(max_length=60, blank=True, help_text="e.g. Explore the Case Maker")
    hero_link_page = optional_link("wagtailcore.Page")
    featured_story = optional_link(
        "casestudies.CaseStudyPage",
        help_text="A Case Maker story to highlight; leave blank to show the newest.",
    )
    testimonials = StreamField(
        [("testimonial", TestimonialBlock())],
        blank=True,
        help_text="Participants' words, shown as a band near the foot of the page.",
    )
    toolbox_page = optional_link(
        "wagtailcore.Page",
        help_text="The toolbox, shown in the home page's Tools area; leave blank to leave it out.",
    )

    content_panels = [
        GuidePanel(),
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("strapline"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldPanel("hero_link_text"),
                FieldPanel("hero_link_page"),
            ],
            heading="Hero",
        ),
        InlinePanel(
            "featured_items",
            label="Featured item",
            heading="Featured",
            help_text="Any pages you want to highlight, in order. Unpublished pages are left out.",
        ),
        FieldPanel("toolbox_page"),
        FieldPanel("testimonials"),
        HelpPanel(
            "The next convening, the latest posts, a Case Maker story, the newest glossary term and the "
            "newsletter sign-up (from Settings → Site settings) are added automatically."
        ),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1
    page_description = "The front page of the site."

    class Meta:
        verbose_name = "home page"

    # The site's root: every page of the site is found from here, in two queries.
    route = routing.route

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.sections())
        # Every card's images in one fetch, whichever section shows it.
        attach_images(
            [
                *context["featured_pages"],
                *filter(None, [context[name] for name in ("featured_story", "toolbox", *TOOLS)]),
                *context["latest_posts"],
            ]
        )
        return context

    def sections(self):
        """What each section shows: the featured pages in the editors' order, the story (the chosen
        one, else the newest), the next convening, the newest glossary term, the tools and the toolbox,
        with the pages that list them; a featured page, story or toolbox that is unpublished or
        private is left out. The newest posts come with their authors in two queries, the rest in one."""
        posts = list(BlogPage.objects.live().public().for_listing()[:3])
        pages = self.pages_shown(posts[:1])
        by_pk = {page.pk: page for page in pages}
        by_path = {page.path: page for page in pages}
        shown = {name: next((page for page in pages if getattr(page, f"is_{name}")), None) for name in SHOWN}
        newest_story = shown.pop("newest_story")
        story = by_pk.get(self.featured_story_id) or newest_story
        if story is not None:
            prefetch_related_objects([story], "sectors")
        listed = {
            "blog_index": posts[0] if posts else None,
            "programme": shown["next_event"],
            "glossary": shown["glossary_term"],
        }
        featured = sorted((page for page in pages if page.is_featured), key=featured_order)
        return {
            "featured_pages": featured,
            "featured_story": story,
            "toolbox": by_pk.get(self.toolbox_page_id),
            "latest_posts": posts,
            **{name: shown[name] for name in ("next_event", "glossary_term", *TOOLS)},
            **{name: by_path.get(parent_path(page)) if page else None for name, page in listed.items()},
        }

    def pages_shown(self, listed_posts):
        """The specific live, public pages `sections` shows, with the pages that list the next
        convening, the newest term and `listed_posts`, in one query. Each knows its place among the
        featured pages (`is_featured`, `link_place`) and which of `shown_pages` it is (`is_<name>`)."""
        featured, link_place = linked(self.featured_items.all(), "page")
        candidates = shown_pages()
        shown = {name: pages.values("pk")[:1] for name, pages in candidates.items()}
        wanted = featured | Q(pk__in=[self.featured_story_id, self.toolbox_page_id])
        wanted |= Q(path__in=[parent_path(post) for post in listed_posts])
        for pks in shown.values():
            wanted |= Q(pk__in=pks)
        parent = Substr("path", 1, Length("path") - Page.steplen)
        for name in ("next_event", "glossary_term"):
            wanted |= Q(path__in=candidates[name].values(parent_path=parent)[:1])
        conditions = {"featured": featured, **{name: Q(pk__in=pks) for name, pks in shown.items()}}
        flags = {
            f"is_{name}": ExpressionWrapper(q, output_field=BooleanField()) for name, q in conditions.items()
        }
        rows = site_pages().live().public().filter(wanted).annotate(link_place=link_place, **flags)
        # The next convening's card names its series.
        rows = routing.with_specific_rows(rows, streamfields=False).select_related(
            f"{routing.specific_accessors()[EventPage]}__series"
        )
        pages = []
        for row in rows:
            page = routing.as_specific(row)
            for name in ("link_place", *flags):
                setattr(page, name, getattr(row, name))
            pages.append(page)
        return pages

    def get_meta_description(self):
        return self.search_description or self.strapline


class HomePageFeaturedItem(Orderable):
    home_page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_items")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("page")]
