"""Shared test set-up: the site tree (root → HomePage → Site) built once per test class."""

from django.conf import settings

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page, Site
from wagtail.test.utils import WagtailPageTestCase

import factory

from core.models import SiteSettings
from tests.factories import HomePageFactory

# An oEmbed provider that cannot be reached, as every provider is when the server is offline.
UNREACHABLE_YOUTUBE = [
    {
        "class": "wagtail.embeds.finders.oembed",
        "providers": [{"endpoint": "http://127.0.0.1:9/oembed", "urls": [r"^https://www\.youtube\.com/.+$"]}],
    }
]


def restore_wagtail_roots():
    """Recreate the locale, root page and root collection that Wagtail's migrations add.

    The flush after each transactional test empties every table, so a second transactional test
    (a browser test, a test of two connections) would otherwise find no root page to build on.
    """
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    if Page.get_first_root_node() is None:
        Page.add_root(title="Root", slug="root")
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


def build_site_tree():
    """Replace Wagtail's welcome page with a HomePage served as the default site, with its settings.

    The settings rows exist up front, as on a real site: created by a first request instead, they
    would be a content change that retires everything that request cached.
    """
    root = Page.get_first_root_node()
    Site.objects.all().delete()
    for child in root.get_children():
        child.delete()
    home = HomePageFactory(parent=root, title="Home", slug="home")
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Test")
    SiteSettings.load()
    return home


class SiteTestCase(WagtailPageTestCase):
    """A test case with `self.home`, the root of the default site."""

    @classmethod
    def setUpTestData(cls):
        # The class's made-up words are the same whichever test ran before it on this worker: the
        # per-test reseed (conftest) comes only after the class's data is built.
        factory.random.reseed_random(f"{cls.__module__}.{cls.__qualname__}")
        super().setUpTestData()
        cls.home = build_site_tree()
