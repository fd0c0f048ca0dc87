"""Checks every public Heatmap view makes before it touches the database: sizes, rate, tokens."""

import functools

from django.conf import settings
from django.shortcuts import render

from django_ratelimit.core import is_ratelimited

from core.public_forms import post_size_problem

from .models import HeatmapGroup, HeatmapResult
from .tokens import digest, well_formed

# A step posts at most a few dozen short fields; anything far larger is not a person answering.
MAX_POST_BYTES = 16 * 1024
MAX_POST_FIELDS = 120
RATE_GROUP = "heatmap-start"


def post_problem(request):
    """A message for a post that is too large or has too many fields, else None."""
    status = post_size_problem(request, MAX_POST_BYTES, MAX_POST_FIELDS)
    if status == 413:
        return (
            status,
            "That form was far larger than a Heatmap step can be, so nothing was saved. Please try again.",
        )
    if status == 400:
        return status, "That form had more answers than this step has statements, so nothing was saved."
    return None


def starting_too_often(request):
    """True once this address has started too many results or groups recently (shared by every form
    that starts something, and by every worker through the default cache)."""
    return is_ratelimited(
        request, group=RATE_GROUP, key="ip", rate=settings.HEATMAP_START_RATE, method="POST", increment=True
    )


RATE_MESSAGE = (
    "Several Heatmaps have been started from your connection recently. Please try again in an hour."
)


def find_result(token):
    if not well_formed(token):
        return None
    return (
        HeatmapResult.objects.select_related("version__page", "group")
        .filter(token_hash=digest(token))
        .first()
    )


def find_group(join_token):
    if not well_formed(join_token):
        return None
    return HeatmapGroup.objects.select_related("version__page").filter(join_token=join_token).first()


def find_managed_group(token):
    if not well_formed(token):
        return None
    return (
        HeatmapGroup.objects.select_related("version__page")
        .filter(manage_hash=digest(token))
        .order_by("-created_at")
        .first()
    )


def unknown_link(request, what="answers"):
    """A forged, mistyped, replayed or expired private link: say so plainly, reveal nothing."""
    return render(
        request,
        "heatmap/unknown_link.html",
        {"what": what, "retention_months": settings.HEATMAP_RETENTION_MONTHS},
        status=404,
    )


def found_by(find, what="answers"):
    """For a view behind a private link: calls it as `view(request, found, token, ...)` with what
    `find` returns for the link's token (a result or a group), or answers as for an unknown link
    when the token finds nothing."""

    def decorate(view):
        @functools.wraps(view)
        def view_found(request, token, **kwargs):
            found = find(token)
            if found is None:
                return unknown_link(request, what)
            return view(request, found, token, **kwargs)

        return view_found

    return decorate
