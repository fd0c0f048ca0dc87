from django.conf import settings
from django.urls import include, path, re_path
from django.views.decorators.cache import cache_control
from django.views.static import serve

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from core.passwords import document_password, page_password
from core.sitemap import PageSitemap
from core.views import csp_report, health, security_txt
from core.views import serve as serve_page

# A database outage anywhere in a request is answered 503 with Retry-After (see the view).
handler500 = "core.views.server_error"

MEDIA_MAX_AGE = 365 * 24 * 60 * 60
# Every stored file gets a new name when it changes (renditions name their filter, uploads are never
# overwritten), so browsers may keep each for a year.
serve_media = cache_control(max_age=MEDIA_MAX_AGE, public=True)(serve)

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's own password forms, rate limited; these come first so that they take over its routes.
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        document_password,
        name="wagtaildocs_authenticate_with_password",
    ),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        page_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("health/", health, name="health"),
    path("c/", include("casestudies.urls")),
    path("search/", include("search.urls")),
    path("hm/", include("heatmap.urls")),
    path("share/", include("editorial.urls")),
    path("csp-report/", csp_report, name="csp_report"),
    path(".well-known/security.txt", security_txt, name="security_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": {"wagtail": PageSitemap}}, name="sitemap"),
]

if settings.SERVE_MEDIA:
    # Media from disk for the embedded set-up; production serves it from S3 or the proxy.
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve_media, {"document_root": settings.MEDIA_ROOT}),
    ]

urlpatterns += [
    # Calendar files keep their .ics name (no trailing slash); the pages' own routes serve them.
    re_path(r"^((?:[\w\-]+/)*calendar\.ics)$", serve_page, name="wagtail_serve_calendar"),
    # Wagtail's page view, routed by the site's own routing; the same pattern and name as Wagtail's.
    re_path(r"^((?:[\w\-]+/)*)$", serve_page, name="wagtail_serve"),
    path("", include(wagtail_urls)),
]
