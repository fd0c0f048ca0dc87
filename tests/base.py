"""Shared test set-up: the site tree (root → HomePage → Site) built once per test class."""

from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase

from core.models import SiteSettings
from tests.factories import HomePageFactory

# An oEmbed provider that cannot be reached, as every provider is when the server is offline.
UNREACHABLE_YOUTUBE = [
    {
        "class": "wagtail.embeds.finders.oembed",
        "providers": [{"endpoint": "http://127.0.0.1:9/oembed", "urls": [r"^https://www\.youtube\.com/.+$"]}],
    }
]


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
        super().setUpTestData()
        cls.home = build_site_tree()
