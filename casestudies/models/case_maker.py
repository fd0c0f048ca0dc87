"""The Case Maker page, its explorer, cards and feeds, and the sections of the case beneath it."""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models

from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from core.fields import optional_url
from core.listings import attach_images
from core.models import BodyPage, IntroductionMixin, ReadOnlyPage, SectionIndexPage
from core.routing import late

from ..blocks import CaseMakerBlock
from ..feeds import CaseStudyAtomFeed, CaseStudyFeed
from .stories import CaseStudyPage, paper_size

# The explorer filters these models, so the Case Maker names it (see core.routing.late).
StoryExplorer = late("casestudies.explorer.StoryExplorer")

STORIES_PER_PAGE = 12
# The players the site's Content-Security-Policy lets into a frame (see EMBED_FRAME_ORIGINS).
VIDEO_HOSTS = {
    "youtube.com": "YouTube",
    "youtu.be": "YouTube",
    "youtube-nocookie.com": "YouTube",
    "vimeo.com": "Vimeo",
}


def video_provider(url):
    """'YouTube' or 'Vimeo' for an address on either (with www., m. or player.), otherwise None."""
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:  # e.g. "http://[::1", which only a value that skipped validation can hold
        return None
    return next(
        (name for domain, name in VIDEO_HOSTS.items() if host == domain or host.endswith("." + domain)), None
    )


def validate_video_address(url):
    """Only a player the site lets into a frame (see VIDEO_HOSTS) can show the launch conversation."""
    if not video_provider(url):
        raise ValidationError("Use the address of a video on YouTube or Vimeo.")


class CaseMakerPage(SectionIndexPage, RoutablePageMixin, IntroductionMixin, ReadOnlyPage, Page):
    """The Case Maker's front page at /case-maker/, with the story explorer, card deck and feed."""

    introduction = RichTextField(
        features=["bold", "italic", "link", "ul"],
        blank=True,
        help_text="A few sentences on what the Case Maker is and who it is for.",
    )
    use_it_to = models.TextField(
        "Use it to…",
        blank=True,
        help_text="One use per line, each finishing the sentence 'Use it to…', e.g. 'find a story for your board'.",
    )
    launch_video = optional_url(
        validators=[validate_video_address],
        help_text="Address of the launch conversation on YouTube or Vimeo; leave blank for none.",
    )

    content_panels = [
        *IntroductionMixin.content_panels,
        FieldPanel("use_it_to"),
        FieldPanel("launch_video"),
        HelpPanel(
            "The four sections of the case are child pages of this page, shown in page-tree order. "
            "Stories are child pages too; the explorer, cards and feed list them automatically."
        ),
    ]

    subpage_types = ["casestudies.CaseMakerSectionPage", "casestudies.CaseStudyPage"]
    page_description = "The Case Maker's front page, with the story explorer."

    class Meta:
        verbose_name = "Case Maker"

    def launch_video_provider(self):
        return video_provider(self.launch_video)

    def stories(self):
        """Published, public stories of this Case Maker, newest first."""
        return CaseStudyPage.objects.child_of(self).live().public().order_by("-first_published_at", "-pk")

    def uses(self):
        return [line.strip() for line in self.use_it_to.splitlines() if line.strip()]

    @path("", name="index")
    def index_view(self, request):
        """The front page; its listings are built here so the other routes do not pay for them."""
        listings = self.front_page_listings()
        return self.render(request, context_overrides=listings)

    def front_page_listings(self):
        stories = self.stories()
        sections = CaseMakerSectionPage.objects.child_of(self).live().public().order_by("path")
        return {
            "sections": list(sections.defer_streamfields()),
            "story_count": stories.count(),
            "latest_stories": attach_images(stories.defer_streamfields().prefetch_related("sectors")[:3]),
        }

    @path("stories/", name="stories")
    def stories_view(self, request):
        explorer = StoryExplorer(self.stories(), request.GET)
        stories = explorer.results().defer_streamfields().prefetch_related("sectors")
        facets = explorer.facets()
        return self.render(
            request,
            template="casestudies/case_maker_stories.html",
            context_overrides={
                "explorer": explorer,
                "facets": facets,
                "stories": explorer.paginate(stories, STORIES_PER_PAGE),
                "canonical_suffix": "stories/",
            },
        )

    @path("cards/", name="cards")
    def cards_view(self, request):
        explorer = StoryExplorer(self.stories(), request.GET)
        return self.render(
            request,
            template="casestudies/case_maker_cards.html",
            context_overrides={
                "stories": explorer.results().prefetch_related("sectors"),
                "canonical_suffix": "cards/",
                "paper": paper_size(request),
            },
        )

    @path("feed/", name="feed")
    def feed_view(self, request):
        return CaseStudyFeed(self, title="Case Maker stories")(request)

    @path("feed/atom/", name="atom_feed")
    def atom_feed_view(self, request):
        return CaseStudyAtomFeed(self, title="Case Maker stories")(request)

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        return [*urls, {"location": self.get_full_url(request) + "stories/", "lastmod": urls[0]["lastmod"]}]


class CaseMakerSectionPage(BodyPage, Page):
    """One of the four parts of the case, such as 'The impact of investing in relationships'."""

    body = StreamField(CaseMakerBlock())

    parent_page_types = ["casestudies.CaseMakerPage"]
    subpage_types = []
    page_description = "One of the parts of the case, such as the impact of investing in relationships."

    class Meta:
        verbose_name = "part of the case"
        verbose_name_plural = "parts of the case"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sections = list(CaseMakerSectionPage.objects.sibling_of(self).live().public().order_by("path"))
        position = next((i for i, section in enumerate(sections) if section.pk == self.pk), None)
        if position is not None:
            context["section_number"] = position + 1
            context["section_total"] = len(sections)
            context["previous_section"] = sections[position - 1] if position > 0 else None
            context["next_section"] = sections[position + 1] if position + 1 < len(sections) else None
        return context
