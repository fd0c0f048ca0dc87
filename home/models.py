"""Shared page foundations: the home page, standard pages, people and site-wide settings."""

from http import HTTPMethod

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from editorial.guide import GuidePanel

from . import routing
from .blocks import BodyBlock, TestimonialBlock
from .fields import optional_link
from .listings import attach_images, in_link_order
from .page_forms import SitePageForm
from .visibility import PublicPage, site_pages

# Pages that take no form answer any other method (a stray POST from a bot) with a 405.
READ_ONLY_HTTP_METHODS = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.OPTIONS]

IN_BRIEF_HELP = (
    "One or two sentences (aim for 160 characters, at most 300). Shown on listing cards, "
    "in search results, in feeds and when the page is shared."
)


class ListingFieldsMixin(models.Model):
    """The 'In brief' summary and images that represent a page wherever it is listed or shared."""

    in_brief = models.TextField("In brief", max_length=300, help_text=IN_BRIEF_HELP)
    listing_image = optional_link(
        "wagtailimages.Image", help_text="Shown on listing cards; leave blank to use no image."
    )
    social_image = optional_link(
        "wagtailimages.Image",
        help_text="Shown when the page is shared on social media (1200 × 630 works best).",
    )

    # A listed page's search fields and panels start with these; pages add their own after them.
    search_fields = [
        *Page.search_fields,
        index.SearchField("in_brief", boost=2),
        index.AutocompleteField("in_brief"),
    ]
    content_panels = [GuidePanel(), *Page.content_panels, FieldPanel("in_brief")]
    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel(
            [FieldPanel("listing_image"), FieldPanel("social_image")], heading="Images for sharing"
        ),
    ]

    # The image fields a listing card may show, fetched for a whole listing by `attach_images`.
    card_image_fields = ("listing_image",)
    # What the page's own template shows, fetched with the page when it is served (see home.routing).
    served_with = ("listing_image", "social_image")

    class Meta:
        abstract = True

    def get_meta_description(self):
        return self.search_description or self.in_brief

    def get_social_image(self):
        return self.social_image or self.listing_image


class SlugFromNameMixin(models.Model):
    """Fills a blank `slug` from the object's name when it is saved, so editors may leave it empty."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(str(self))[: self._meta.get_field("slug").max_length]
        super().save(*args, **kwargs)


@register_snippet
class Person(SlugFromNameMixin, index.Indexed, models.Model):
    """Someone who writes, speaks or hosts: staff, associates and guests."""

    name = models.CharField(max_length=120)
    slug = models.SlugField(
        max_length=120, unique=True, blank=True, help_text="Used in the author's web address."
    )
    role = models.CharField(max_length=160, blank=True, help_text="e.g. Co-founder, Associate")
    photo = optional_link("wagtailimages.Image")
    bio = models.TextField(
        blank=True, max_length=600, help_text="Two or three sentences in the third person."
    )
    website = models.URLField(blank=True)
    bluesky = models.URLField(blank=True, help_text="Full address of their Bluesky profile")
    linkedin = models.URLField(blank=True, help_text="Full address of their LinkedIn profile")

    search_fields = [
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.SearchField("role"),
    ]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("role"),
        FieldPanel("photo"),
        FieldPanel("bio"),
        MultiFieldPanel(
            [FieldPanel("website"), FieldPanel("bluesky"), FieldPanel("linkedin")], heading="Links"
        ),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self):
        return self.name


class HomePage(PublicPage, Page):
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

    base_form_class = SitePageForm
    allowed_http_methods = READ_ONLY_HTTP_METHODS
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
        stories = (
            apps.get_model("casestudies", "CaseStudyPage")
            .objects.live()
            .public()
            .defer_streamfields()
            .prefetch_related("sectors")
        )
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


class StandardPage(ListingFieldsMixin, PublicPage, Page):
    """About, Toolbox, Connect and other pages built from the shared blocks."""

    body = StreamField(BodyBlock())

    search_fields = [*ListingFieldsMixin.search_fields, index.SearchField("body")]
    content_panels = [*ListingFieldsMixin.content_panels, FieldPanel("body")]

    base_form_class = SitePageForm
    allowed_http_methods = READ_ONLY_HTTP_METHODS
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    page_description = "A page of text and pictures, such as About us or Contact."

    class Meta:
        verbose_name = "information page"


@register_setting(icon="site")
class SiteSettings(BaseGenericSetting):
    """Organisation details shown in the footer and used for sharing."""

    organisation_name = models.CharField(max_length=120, default="The Relationships Project")
    charity_details = models.CharField(
        max_length=255, blank=True, help_text="e.g. Registered charity number and address"
    )
    contact_email = models.EmailField(blank=True)
    newsletter_url = models.URLField(blank=True, help_text="Where the newsletter sign-up form lives")
    bluesky_url = models.URLField(blank=True)
    linkedin_url = models.URLField(blank=True)
    default_social_image = optional_link(
        "wagtailimages.Image", help_text="Used when a page is shared and has no image of its own."
    )

    panels = [
        FieldPanel("organisation_name"),
        FieldPanel("charity_details"),
        FieldPanel("contact_email"),
        FieldPanel("newsletter_url"),
        MultiFieldPanel([FieldPanel("bluesky_url"), FieldPanel("linkedin_url")], heading="Social media"),
        FieldPanel("default_social_image"),
    ]

    class Meta:
        verbose_name = "site settings"


@register_setting(icon="list-ul")
class NavigationSettings(ClusterableModel, BaseGenericSetting):
    """The main menu and footer links, edited in Settings → Navigation."""

    panels = [
        InlinePanel("menu_items", label="Main menu item", heading="Main menu"),
        InlinePanel("footer_links", label="Footer link", heading="Footer links"),
    ]

    class Meta:
        verbose_name = "navigation"


class NavigationLink(Orderable):
    """A labelled link to a page of the site or, failing that, to any address."""

    link_text = models.CharField(max_length=60)
    link_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    link_url = models.URLField("or address", blank=True)

    panels = [FieldPanel("link_text"), FieldPanel("link_page"), FieldPanel("link_url")]

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self):
        return self.link_text

    def clean(self):
        if not self.link_page and not self.link_url:
            raise ValidationError("Choose a page or enter an address.")

    def get_url(self, request=None):
        if self.link_page_id:
            return self.link_page.get_url(request)
        return self.link_url


class MainMenuItem(NavigationLink):
    settings = ParentalKey(NavigationSettings, on_delete=models.CASCADE, related_name="menu_items")


class FooterLink(NavigationLink):
    settings = ParentalKey(NavigationSettings, on_delete=models.CASCADE, related_name="footer_links")


def latest_sections():
    """The newest posts, the next convening and the newest glossary term, with the pages that list them."""
    posts = apps.get_model("blog", "BlogPage").objects.live().public().for_listing()[:3]
    event = apps.get_model("events", "EventPage").objects.live().public().upcoming().for_listing().first()
    terms = apps.get_model("glossary", "GlossaryTermPage").objects.live().public()
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
