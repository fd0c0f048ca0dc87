"""Admin views for the newsletter: start an issue from what was published since the last, download its email."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone

from wagtail.models import Page

from blog.models import BlogPage
from casestudies.models import CaseStudyPage
from events.models import EventPage

from .email import email_html, plain_text
from .models import NewsletterIndexPage, NewsletterIssuePage, NewsletterItem

FIRST_ISSUE_DAYS = 30


def published_since_last_issue(index):
    """Posts, convenings and stories first published since the newest issue, oldest first.

    The newest issue counts from when it was first published, or from its creation while a draft;
    the first issue looks back a month.
    """
    last = NewsletterIssuePage.objects.child_of(index).order_by("-first_published_at", "-pk").first()
    since = (
        (last.first_published_at or last.latest_revision_created_at or timezone.now())
        if last
        else timezone.now() - timezone.timedelta(days=FIRST_ISSUE_DAYS)
    )
    pages = [
        *BlogPage.objects.live().public().filter(first_published_at__gt=since, exclude_from_newsletter=False),
        *EventPage.objects.live().public().filter(first_published_at__gt=since),
        *CaseStudyPage.objects.live().public().filter(first_published_at__gt=since),
    ]
    return since, sorted(pages, key=lambda page: (page.first_published_at, page.pk))


def start_issue(request):
    """GET: what the new issue will hold; POST: create it as a draft with those items and open it."""
    index = NewsletterIndexPage.objects.first()
    if index is None:
        messages.error(request, "Add the Newsletter page under the home page first.")
        return redirect("wagtailadmin_home")
    if not index.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    since, pages = published_since_last_issue(index)
    if request.method == "POST":
        chosen = {int(pk) for pk in request.POST.getlist("page") if pk.isdigit()}
        issue = NewsletterIssuePage(
            title=f"Newsletter, {timezone.localdate():%-d %B %Y}",
            introduction="<p>Hello,</p>",
            live=False,
            owner=request.user,
        )
        issue.items = [NewsletterItem(page=page) for page in pages if page.pk in chosen]
        index.add_child(instance=issue)
        issue.save_revision(user=request.user, log_action=True)
        messages.success(
            request, "The issue was started as a draft: write the introduction, reorder, then preview."
        )
        return redirect("wagtailadmin_pages:edit", issue.pk)
    return TemplateResponse(
        request,
        "newsletter/admin/start_issue.html",
        {
            "pages": pages,
            "since": since,
            "header_title": "Start a newsletter issue",
            "page_title": "Start a newsletter issue",
            "header_icon": "mail",
        },
    )


def email_download(request, page_id, part):
    """The issue's email HTML or plain text as a file for the newsletter tool."""
    issue = get_object_or_404(Page, pk=page_id).specific
    if not isinstance(issue, NewsletterIssuePage) or not issue.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    issue = issue.get_latest_revision_as_object()
    if part == "html":
        response = HttpResponse(email_html(issue), content_type="text/html; charset=utf-8")
    else:
        response = HttpResponse(plain_text(issue), content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="newsletter-{issue.slug}.{part}"'
    return response
