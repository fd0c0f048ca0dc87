"""The home page: a hero, editors' picks and the latest from each part of the site."""

from django.db import models

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
from core.listings import attach_images, in_link_order
from core.models import ReadOnlyPage
from core.visibility import site_pages
from events.models import EventPage
from glossary.models import GlossaryTermPage


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
        context.update(self.featured())
        context.update(latest_sections())
        # Every card's images in one fetch, whichever section shows it.
        attach_images(
            [
                *context["featured_pages"],
                *filter(None, [context["featured_story"], context["toolbox"]]),
                *context["latest_posts"],
            ]
        )
        return context

    def featured(self):
        """The featured pages in the editors' order, unpublished and private ones left out, and the story."""
        public_pages = in_link_order(site_pages().live().public(), self.featured_items.all(), "page")
        featured_pages = routing.specific_pages(public_pages, streamfields=False)
        stories = CaseStudyPage.objects.live().public().defer_streamfields().prefetch_related("sectors")
        story = (
            stories.filter(pk=self.featured_story_id).first() if self.featured_story_id else None
        ) or stories.order_by("-first_published_at", "-pk").first()
        toolbox = (
            site_pages().live().public().filter(pk=self.toolbox_page_id).specific().first()
            if self.toolbox_page_id
            else None
        )
        return {"featured_pages": featured_pages, "featured_story": story, "toolbox": toolbox}

    def get_meta_description(self):
        return self.search_description or self.strapline


class HomePageFeaturedItem(Orderable):
    home_page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_items")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("page")]


def latest_sections():
    """The newest posts, the next convening and the newest glossary term, with the pages that list them."""
    posts = BlogPage.objects.live().public().for_listing()[:3]
    event = EventPage.objects.live().public().upcoming().for_listing().first()
    terms = GlossaryTermPage.objects.live().public()
    term = terms.order_by("-first_published_at", "-pk").first()
    posts = list(posts)
    listed = {"blog_index": posts[0] if posts else None, "programme": event, "glossary": term}
    # The pages that list them, in one query.
    parent_paths = {name: page.path[: -Page.steplen] for name, page in listed.items() if page is not None}
    parents = {page.path: page for page in Page.objects.filter(path__in=parent_paths.values())}
    return {
        "latest_posts": posts,
        "next_event": event,
        "glossary_term": term,
        **{name: parents.get(parent_paths.get(name)) for name in listed},
    }
