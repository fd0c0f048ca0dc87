"""Site-wide models: the listing fields every page shares, standard pages, people, settings and menus."""

from http import HTTPMethod

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from .blocks import BodyBlock
from .fields import optional_link, optional_url
from .guide import GuidePanel
from .page_forms import SitePageForm
from .visibility import PublicPage

# Pages that take no form answer any other method (a stray POST from a bot) with a 405.
READ_ONLY_HTTP_METHODS = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.OPTIONS]

IN_BRIEF_HELP = (
    "One or two sentences (aim for 160 characters, at most 300). Shown on listing cards, "
    "in search results, in feeds and when the page is shared."
)


class ReadOnlyPage(PublicPage):
    """A page of the site that takes no form of its own: edited with the site's page form, it
    answers only reads."""

    base_form_class = SitePageForm
    allowed_http_methods = READ_ONLY_HTTP_METHODS

    class Meta:
        abstract = True


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
    # What the page's own template shows, fetched with the page when it is served (see core.routing).
    served_with = ("listing_image", "social_image")

    class Meta:
        abstract = True

    def get_meta_description(self):
        return self.search_description or self.in_brief

    def get_social_image(self):
        return self.social_image or self.listing_image


class BodyPage(ListingFieldsMixin, ReadOnlyPage):
    """A listed page whose content is one `body` of blocks; each page type declares `body` with the
    blocks it offers."""

    search_fields = [*ListingFieldsMixin.search_fields, index.SearchField("body")]
    content_panels = [*ListingFieldsMixin.content_panels, FieldPanel("body")]

    class Meta:
        abstract = True


class IntroductionMixin(ListingFieldsMixin):
    """A listed page that opens with an `introduction`, searched and edited after its In brief. Each page
    type declares `introduction`, plain or rich text, and adds its own panels after these."""

    search_fields = [*ListingFieldsMixin.search_fields, index.SearchField("introduction")]
    content_panels = [*ListingFieldsMixin.content_panels, FieldPanel("introduction")]

    class Meta:
        abstract = True


class SectionIndexPage(models.Model):
    """The front page of a content area, such as the blog or the glossary: only one of it, directly under
    the home page. Each page type says in `subpage_types` which pages, if any, it lists beneath it."""

    parent_page_types = ["home.HomePage"]
    max_count = 1

    class Meta:
        abstract = True


class IntroIndexPage(SectionIndexPage):
    """A content area's front page that is not listed anywhere, so it is its title and an `intro`: a
    sentence or two above its listing, which also describes it when shared. Each page type declares
    `intro`, with help text saying where it shows."""

    content_panels = [GuidePanel(), *Page.content_panels, FieldPanel("intro")]

    class Meta:
        abstract = True

    def get_meta_description(self):
        return self.search_description or self.intro


class SlugFromNameMixin(models.Model):
    """Fills a blank `slug` from the object's name when it is saved, so editors may leave it empty."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(str(self))[: self._meta.get_field("slug").max_length]
        super().save(*args, **kwargs)


class TaxonomyTerm(models.Model):
    """A term editors file or filter content under, such as a blog category or a map theme: known by
    its name, addressed by its slug, listed by name unless editors order the kind by hand. Each kind
    declares its own `slug` and `description`, since what they are for (and their length) differs."""

    name = models.CharField(max_length=80, unique=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


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
    website = optional_url()
    bluesky = optional_url(help_text="Full address of their Bluesky profile")
    linkedin = optional_url(help_text="Full address of their LinkedIn profile")

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


class StandardPage(BodyPage, Page):
    """About, Toolbox, Connect and other pages built from the shared blocks."""

    body = StreamField(BodyBlock())

    parent_page_types = ["home.HomePage", "core.StandardPage"]
    page_description = "A page of text and pictures, such as About us or Contact."

    class Meta:
        verbose_name = "information page"


@register_setting(icon="site")
class SiteSettings(ClusterableModel, BaseGenericSetting):
    """Organisation details shown in the footer and used for sharing, and the main menu and footer
    links: one setting, so the whole of the site's chrome is read in one query
    (`core.chrome`)."""

    organisation_name = models.CharField(max_length=120, default="The Relationships Project")
    charity_details = models.CharField(
        max_length=255, blank=True, help_text="e.g. Registered charity number and address"
    )
    contact_email = models.EmailField(blank=True)
    newsletter_url = optional_url(help_text="Where the newsletter sign-up form lives")
    bluesky_url = optional_url()
    linkedin_url = optional_url()
    default_social_image = optional_link(
        "wagtailimages.Image", help_text="Used when a page is shared and has no image of its own."
    )

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("organisation_name"),
                    FieldPanel("charity_details"),
                    FieldPanel("contact_email"),
                    FieldPanel("newsletter_url"),
                    MultiFieldPanel(
                        [FieldPanel("bluesky_url"), FieldPanel("linkedin_url")], heading="Social media"
                    ),
                    FieldPanel("default_social_image"),
                ],
                heading="Organisation",
            ),
            ObjectList(
                [
                    InlinePanel("menu_items", label="Main menu item", heading="Main menu"),
                    InlinePanel("footer_links", label="Footer link", heading="Footer links"),
                ],
                heading="Menu and footer",
            ),
        ]
    )

    class Meta:
        verbose_name = "site settings"


class NavigationLink(Orderable):
    """A labelled link to a page of the site or, failing that, to any address."""

    link_text = models.CharField(max_length=60)
    link_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    link_url = optional_url("or address")

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
    settings = ParentalKey(SiteSettings, on_delete=models.CASCADE, related_name="menu_items")


class FooterLink(NavigationLink):
    settings = ParentalKey(SiteSettings, on_delete=models.CASCADE, related_name="footer_links")
