"""The page view, routed by the site's own routing, and operational endpoints outside the page tree."""

import json
import logging
import sys
from datetime import UTC, timedelta

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from wagtail import views as wagtail_views

from .routing import route_for_request
from .site_url import site_root

CSP_REPORT_MAX_BYTES = 8 * 1024
CSP_REPORT_FIELDS = (
    "document-uri",
    "documentURL",
    "blocked-uri",
    "blockedURL",
    "effective-directive",
    "effectiveDirective",
)
SECURITY_TXT_LIFETIME = timedelta(days=180)

# How long a visitor, crawler or cache is asked to wait when the database cannot be reached.
OUTAGE_RETRY_AFTER = "30"

csp_logger = logging.getLogger("csp.reports")
logger = logging.getLogger(__name__)


def serve(request, path):
    """Wagtail's page view, given the route `route_for_request` finds: Wagtail keeps a request's route
    in `request._wagtail_route_for_request` and reads it from there (see `Page.route_for_request`).
    Were it ever to stop, pages would still be served, by Wagtail's routing, one query dearer."""
    if not hasattr(request, "_wagtail_route_for_request"):
        request._wagtail_route_for_request = route_for_request(request, path)
    return wagtail_views.serve(request, path)


def server_error(request):
    """The site's 500 page, and a 503 with Retry-After when the cause is an unreachable, hung or
    overloaded database, wherever it was raised: in a view or in any middleware.

    Django turns an exception into this response inside the layer that raised it, so no
    middleware sees what an inner one raised; the error handler is the one place that sees them all.
    The page is the static 500.html, which needs no database.
    """
    exception = sys.exc_info()[1]
    body = loader.render_to_string("500.html")
    if not isinstance(exception, OperationalError | InterfaceError):
        return HttpResponseServerError(body)
    logger.error("Database unavailable for %s: %s", request.path, exception)
    response = HttpResponse(body, status=503)
    response["Retry-After"] = OUTAGE_RETRY_AFTER
    add_never_cache_headers(response)
    return response


def method_not_allowed(request, allowed):
    """The site's own 405 page, naming the methods the address does take."""
    response = render(request, "405.html", {"allowed": allowed}, status=405)
    response["Allow"] = ", ".join(allowed)
    return response


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a form sent without its token gets the site's own 403 page; a POST to a
    page that takes no form gets the 405 it would have had with a token. Only an address the page
    tree serves is routed: any other (a NUL byte, a document's file name) never reaches a page, and
    PostgreSQL refuses to compare text holding a NUL."""
    match = request.resolver_match  # the token is checked only once the address has resolved
    route = route_for_request(request, match.args[0]) if match and match.func is serve else None
    if route is not None:
        allowed = route[0].allowed_http_method_names()
        if request.method not in allowed:
            return method_not_allowed(request, allowed)
    return render(request, "403_csrf.html", status=403)


@never_cache
def health(request):
    """Report whether the database answers, for load balancers and uptime checks."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unhealthy", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@csrf_exempt
@require_POST
def csp_report(request):
    """Log Content-Security-Policy violations that browsers send, reading at most a few kilobytes.

    Accepts both the legacy `report-uri` body and the Reporting API's list of reports.
    """
    declared = request.META.get("CONTENT_LENGTH") or "0"
    if not declared.isdigit() or int(declared) > CSP_REPORT_MAX_BYTES:
        return HttpResponse(status=413)
    body = request.read(CSP_REPORT_MAX_BYTES + 1)
    if len(body) > CSP_REPORT_MAX_BYTES:
        return HttpResponse(status=413)
    try:
        payload = json.loads(body)
    except ValueError:
        return HttpResponseBadRequest("Expected a JSON violation report.")
    reports = payload if isinstance(payload, list) else [payload]
    for report in reports[:10]:
        if not isinstance(report, dict):
            return HttpResponseBadRequest("Expected a JSON violation report.")
        details = report.get("csp-report") or report.get("body") or {}
        if not isinstance(details, dict):
            return HttpResponseBadRequest("Expected a JSON violation report.")
        fields = {key: str(details[key])[:300] for key in CSP_REPORT_FIELDS if key in details}
        csp_logger.warning("CSP violation %s", json.dumps(fields, sort_keys=True))
    return HttpResponse(status=204)


@require_GET
@cache_control(max_age=86400, public=True)
def security_txt(request):
    """RFC 9116 contact details for security researchers; Expires always lies in the future."""
    expires = (timezone.now() + SECURITY_TXT_LIFETIME).replace(microsecond=0)
    try:
        root = site_root(request)
    except DatabaseError:  # researchers can still reach us while the database is down
        root = request.build_absolute_uri("/").rstrip("/")
    lines = [
        f"Contact: {settings.SECURITY_CONTACT}",
        f"Expires: {expires.astimezone(UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: en",
        f"Canonical: {root}{request.path}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
