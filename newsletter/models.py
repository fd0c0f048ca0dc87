"""The newsletter: an archive page and its issues, each an introduction and an ordered list of pages.

An issue is a page, so it has drafts, previews, moderation and a public web version like any other;
its email HTML and plain text are rendered from the same items (see `newsletter.email`).
"""

from django.core.paginator import Paginator
from django.db import models
from django.http import HttpResponse
from django.utils import timezone

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.guide import GuidePanel
from core.models import IntroIndexPage, ReadOnlyPage
from core.visibility import site_pages

from .email import EmailPanel, email_html, kind, plain_text
from .feeds import NewsletterFeed

ITEM_TYPES = ["blog.BlogPage", "events.EventPage", "casestudies.CaseStudyPage"]
ISSUES_PER_PAGE = 24


class NewsletterIndexPage(IntroIndexPage, RoutablePageMixin, ReadOnlyPage, Page):
    """The archive of published issues at /newsletter/, with its own feed."""

    intro = models.TextField(
        blank=True, help_text="A sentence or two above the list of issues; also the page's description."
    )

    subpage_types = ["newsletter.NewsletterIssuePage"]
    page_description = "The Newsletter page: the archive of issues and its feed."

    class Meta:
        verbose_name = "newsletter"

    def issues(self):
        return (
            NewsletterIssuePage.objects.child_of(self).live().public().order_by("-first_published_at", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["issues"] = Paginator(self.issues(), ISSUES_PER_PAGE).get_page(request.GET.get("page"))
        context["feed_url"] = self.url + self.reverse_subpage("feed")
        return context

    @path("")
    def index_route(self, request):
        return self.render(request)

    @path("feed/")
    def feed(self, request):
        return NewsletterFeed(self)(request)


class NewsletterIssuePage(ReadOnlyPage, Page):
    """One issue: an introduction and the posts, convenings and stories it points readers to."""

    introduction = RichTextField(
        features=["bold", "italic", "link"],
        help_text="A short personal note that opens the issue.",
    )

    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    content_panels = [
        GuidePanel(),
        EmailPanel(),
        *Page.content_panels,
        FieldPanel("introduction"),
        InlinePanel(
            "items",
            label="Item",
            heading="In this issue",
            help_text="Drag to reorder. Only published pages appear in the issue.",
        ),
    ]

    parent_page_types = ["newsletter.NewsletterIndexPage"]
    subpage_types = []
    page_description = "One issue of the newsletter, built from posts, convenings and stories."
    preview_modes = [("", "Web version"), ("email", "Email"), ("text", "Plain text")]

    class Meta:
        verbose_name = "newsletter issue"

    def entries(self):
        """The issue's pages in the editor's order: only those live and public, never a draft."""
        ids = [item.page_id for item in self.items.all()]
        pages = site_pages().filter(pk__in=ids).live().public().specific().in_bulk()
        return [pages[pk] for pk in ids if pk in pages]

    def labelled_entries(self):
        return [(kind(page), page) for page in self.entries()]

    def serve_preview(self, request, mode_name):
        if mode_name == "email":
            return HttpResponse(email_html(self))
        if mode_name == "text":
            return HttpResponse(plain_text(self), content_type="text/plain; charset=utf-8")
        return super().serve_preview(request, mode_name)

    @property
    def issue_date(self):
        return (
            timezone.localdate(self.first_published_at) if self.first_published_at else timezone.localdate()
        )


class NewsletterItem(Orderable):
    issue = ParentalKey(NewsletterIssuePage, on_delete=models.CASCADE, related_name="items")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("page", ITEM_TYPES)]

    def __str__(self):
        return str(self.page)
