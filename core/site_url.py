"""The site's public address: the `SITE_URL` setting, written to the default Wagtail Site record.

Every absolute URL the site builds (canonical links, feeds, calendars, share links, short links and
QR codes) comes from that record, so the one place to change the address is the environment. A
Wagtail Site stores a hostname and a port and derives its scheme from the port (443 is https), so
an https address must use the default port.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Warning, register
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError

from wagtail.models import Site

DEFAULT_PORTS = {"http": 80, "https": 443}
LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}


def parse_site_url(url):
    """`(hostname, port)` for an address such as `https://www.example.org`; ImproperlyConfigured if
    the address is not one a Site record can hold (another scheme, a path, https on another port)."""
    parts = urlsplit(url.strip())
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise ImproperlyConfigured(
            f"SITE_URL must be an http(s) address such as https://www.example.org, not {url!r}."
        )
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username:
        raise ImproperlyConfigured(f"SITE_URL is the site's root address, without a path: {url!r}.")
    port = parts.port or DEFAULT_PORTS[parts.scheme]
    if parts.scheme == "https" and port != 443:
        raise ImproperlyConfigured(
            "Wagtail serves https addresses on port 443 only; drop the port from SITE_URL."
        )
    return parts.hostname, port


def apply_site_url(url=None):
    """Point the default Site at `url` (`SITE_URL` by default); returns the Site when it changed it.

    Does nothing without an address or a default Site (a fresh database gets one from the demo
    loader or the admin); saving the record starts a new content generation, so no cached page keeps
    the old address.
    """
    url = settings.SITE_URL if url is None else url
    if not url:
        return None
    hostname, port = parse_site_url(url)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None or (site.hostname, site.port) == (hostname, port):
        return None
    site.hostname, site.port = hostname, port
    site.save(update_fields=["hostname", "port"])
    return site


def site_root(request):
    """The root URL (no trailing slash) of the Site serving `request`, else of the default Site."""
    site = Site.find_for_request(request) if request is not None else None
    site = site or Site.objects.filter(is_default_site=True).first()
    return site.root_url if site else request.build_absolute_uri("/").rstrip("/")


def apply_after_migrate(sender, **kwargs):
    """post_migrate receiver: `manage.py migrate` on deploy leaves the Site at `SITE_URL`."""
    if sender.name == "core" and settings.SITE_URL:
        apply_site_url()


@register("wagtailcore")
def check_site_url(app_configs, **kwargs):
    """Under production settings (`SITE_URL_CHECK`), warn when links would point somewhere else."""
    if not settings.SITE_URL_CHECK:
        return []
    url = settings.SITE_URL
    if url:
        try:
            parse_site_url(url)
        except ImproperlyConfigured as error:
            return [Error(str(error), id="core.E001")]
    try:
        site = Site.objects.filter(is_default_site=True).first()
    except DatabaseError:
        return []  # no database yet: nothing to compare
    if site is None:
        return []
    if not url and site.hostname in LOCAL_HOSTS:
        return [
            Warning(
                f"The default Site points at {site.root_url}, so every absolute link (feeds, share links, "
                "calendars) leads nowhere.",
                hint="Set SITE_URL to the public address, e.g. https://www.relationshipsproject.org, and "
                "run `manage.py set_site_url` (or migrate).",
                id="core.W001",
            )
        ]
    if url and (site.hostname, site.port) != parse_site_url(url):
        return [
            Warning(
                f"The default Site points at {site.root_url}, not at SITE_URL ({url}).",
                hint="Run `manage.py set_site_url` (or migrate) to write SITE_URL to the Site record.",
                id="core.W002",
            )
        ]
    return []
