"""Security headers that Django and django-csp do not provide on their own."""

from django.conf import settings
from django.middleware.gzip import GZipMiddleware
from django.urls import NoReverseMatch, reverse

from csp.middleware import CSPMiddleware
from csp.utils import default_config

from .views import method_not_allowed


class PermissionsPolicyMiddleware:
    """Deny powerful browser features (camera, location…) the site never uses, and name the
    endpoint that the Content-Security-Policy's `report-to` refers to."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        response.setdefault("Reporting-Endpoints", f'csp="{settings.CSP_REPORT_PATH}"')
        return response


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp with the strict public policy everywhere except the Wagtail admin.

    Wagtail's admin needs inline scripts and styles and frames its live preview, so paths under
    the admin, and the dummy requests Wagtail renders previews with (which carry the page's public
    path), get ADMIN_CONTENT_SECURITY_POLICY; per-view decorators still win.
    """

    @staticmethod
    def in_admin(request):
        if getattr(request, "is_dummy", False):
            return True
        try:
            admin_prefix = reverse("wagtailadmin_home", urlconf=getattr(request, "urlconf", None))
        except NoReverseMatch:
            return False
        return request.path_info.startswith(admin_prefix)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and self.in_admin(request):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        return parts


class TextGZipMiddleware(GZipMiddleware):
    """Django's gzip (with its BREACH padding and weakened ETags) for text only: pages, feeds,
    calendars, sitemaps and JSON. Images and documents are compressed already; squeezing them again
    costs CPU and nothing else."""

    COMPRESSIBLE = (
        "text/",
        "application/rss+xml",
        "application/atom+xml",
        "application/xml",
        "application/json",
        "application/javascript",
        "image/svg+xml",
    )

    def process_response(self, request, response):
        content_type = response.get("Content-Type", "").split(";", 1)[0].strip().lower()
        if not content_type.startswith(self.COMPRESSIBLE):
            return response
        return super().process_response(request, response)


class StyledMethodNotAllowedMiddleware:
    """Wagtail answers a method a page does not take (see `READ_ONLY_HTTP_METHODS`) with an empty
    405; readers get the site's own error page instead. Endpoints outside the page tree (the CSP
    report, security.txt) keep their plain answers."""

    PAGE_ROUTES = ("wagtail_serve", "wagtail_serve_calendar")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        route = getattr(request.resolver_match, "url_name", None)
        if response.status_code != 405 or response.content or route not in self.PAGE_ROUTES:
            return response
        allowed = [method.strip() for method in response.get("Allow", "").split(",") if method.strip()]
        return method_not_allowed(request, allowed)
