"""Share-a-draft views: the editor's page to create and revoke links, and the public read-only draft."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from wagtail.models import Page

from core.site_url import site_root

from .models import SHARE_MAX_AGE, ShareLink, restriction_reason


def share_draft(request, page_id):
    """List this page's links; POST `create` makes one, POST `revoke` ends one."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    refused = restriction_reason(page)
    if request.method == "POST":
        if "revoke" in request.POST:
            page.share_links.filter(pk=request.POST["revoke"], revoked_at__isnull=True).update(
                revoked_at=timezone.now()
            )
            messages.success(request, "The link was revoked: it no longer opens the draft.")
        elif refused:
            messages.error(request, f"This page cannot be shared by link: {refused}.")
        else:
            link = ShareLink.objects.create(
                page=page, created_by=request.user, note=request.POST.get("note", "")[:120]
            )
            messages.success(request, "New share link created: copy it from the box below.")
            return redirect(f"{request.path}?new={link.pk}#new-link")
        return redirect(request.path)
    links = page.share_links.select_related("created_by").filter(
        created_at__gte=timezone.now() - timezone.timedelta(seconds=SHARE_MAX_AGE)
    )
    # The reviewer opens the link on the public site's address, wherever the admin is reached.
    root = site_root(request)
    links = [(link, root + link.get_absolute_url()) for link in links]
    new = next((pair for pair in links if str(pair[0].pk) == request.GET.get("new")), None)
    title = f"Share a draft of “{page.get_admin_display_title()}”"
    return TemplateResponse(
        request,
        "editorial/share_draft.html",
        {
            "page": page,
            "links": links,
            "new": new if new and not new[0].revoked_at else None,
            "refused": refused,
            "days": SHARE_MAX_AGE // 86400,
            "header_title": title,
            "page_title": title,
            "header_icon": "link",
        },
    )


def refusal(request, status, reason=""):
    response = TemplateResponse(request, "editorial/share_refused.html", {"reason": reason}, status=status)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@never_cache
@require_safe
def shared_draft(request, token):
    """The page's latest revision, read-only, never indexed nor cached; refused once expired or revoked."""
    link = ShareLink.from_token(token)
    if link is None:
        return refusal(request, 410)
    if restriction_reason(link.page):
        # The section became private after the link was given: the restriction wins.
        return refusal(request, 403, "The page is now in a private section.")
    page = link.page.specific.get_latest_revision_as_object()
    if page is None:
        raise Http404
    request.is_preview = True
    request.preview_mode = page.default_preview_mode
    response = page.serve_preview(request, page.default_preview_mode)
    if hasattr(response, "context_data"):
        response.context_data["shared_draft"] = True
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
