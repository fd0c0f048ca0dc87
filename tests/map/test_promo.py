"""The home page's Tools area points to the map once it is published."""

from tests.base import SiteTestCase
from tests.factories.map import MapPageFactory


class HomeToolsTests(SiteTestCase):
    def test_the_home_page_links_to_the_published_map_and_hides_it_without_one(self):
        self.assertNotContains(self.client.get("/"), "Relationships Map</p>")
        map_page = MapPageFactory(parent=self.home, in_brief="Find fellow travellers.")
        response = self.client.get("/")
        self.assertContains(response, f'href="{map_page.url}"')
        self.assertContains(response, "Find fellow travellers.")
        map_page.unpublish()
        self.assertNotContains(self.client.get("/"), f'href="{map_page.url}"')
