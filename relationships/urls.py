from django.conf import settings
from django.urls import include, path, re_path
from django.views.decorators.cache import cache_control
from django.views.static import serve

from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home.sitemap import SiteSitemap
from home.views import csp_report, health, security_txt

MEDIA_MAX_AGE = 365 * 24 * 60 * 60
# Every stored file gets a new name when it changes (renditions name their filter, uploads are never
# overwritten), so browsers may keep each for a year.
serve_media = cache_control(max_age=MEDIA_MAX_AGE, public=True)(serve)

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("health/", health, name="health"),
    path("c/", include("casestudies.urls")),
    path("search/", include("search.urls")),
    path("share/", include("editorial.urls")),
    path("csp-report/", csp_report, name="csp_report"),
    path(".well-known/security.txt", security_txt, name="security_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": {"wagtail": SiteSitemap}}, name="sitemap"),
]

if settings.SERVE_MEDIA:
    # Media from disk for the embedded set-up; production serves it from S3 or the proxy.
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve_media, {"document_root": settings.MEDIA_ROOT}),
    ]

urlpatterns += [
    # Calendar files keep their .ics name (no trailing slash); the pages' own routes serve them.
    re_path(r"^((?:[\w\-]+/)*calendar\.ics)$", wagtail_views.serve, name="wagtail_serve_calendar"),
    path("", include(wagtail_urls)),
]
