"""The small card that points to the map from other pages (the home page includes it)."""

from django.template import Context, Template
from django.test import RequestFactory

from tests.base import SiteTestCase
from tests.factories_map import MapPageFactory

PROMO = Template('{% include "map/includes/promo.html" %}')


class PromoTests(SiteTestCase):
    def render(self):
        return PROMO.render(Context({"request": RequestFactory().get("/")}))

    def test_the_card_links_to_the_published_map_and_hides_without_one(self):
        self.assertEqual(self.render().strip(), "")
        map_page = MapPageFactory(parent=self.home, in_brief="Find fellow travellers.")
        html = self.render()
        self.assertIn(f'href="{map_page.url}"', html)
        self.assertIn("Find fellow travellers.", html)
