"""Wagtail's password forms for restricted pages and documents, limited per reader address so that
nobody can try passwords by the thousand (the count is shared by every worker through the cache)."""

from django.shortcuts import render

from wagtail import views as wagtail_views
from wagtail.documents.views import serve as document_views

from django_ratelimit.decorators import ratelimit

ATTEMPT_RATE = "10/10m"
RETRY_AFTER = "600"


def too_many_attempts(request):
    response = render(request, "429.html", status=429)
    response["Retry-After"] = RETRY_AFTER
    return response


@ratelimit(group="page-password", key="ip", rate=ATTEMPT_RATE, method="POST", block=False)
def page_password(request, page_view_restriction_id, page_id):
    if request.limited:
        return too_many_attempts(request)
    return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)


@ratelimit(group="document-password", key="ip", rate=ATTEMPT_RATE, method="POST", block=False)
def document_password(request, restriction_id):
    if request.limited:
        return too_many_attempts(request)
    return document_views.authenticate_with_password(request, restriction_id)
