"""Map entries in site search (a type of their own, only when indexing is allowed), and cached pages
retired at once when an entry is approved or removed."""

from django.core.cache import caches
from django.test import override_settings

from core.page_cache import generation
from map import moderation
from map.models import MapEntry, Status
from tests.base import SiteTestCase
from tests.factories.map import MapEntryFactory, MapPageFactory


class MapSearchTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        MapPageFactory(parent=cls.home)
        cls.open = MapEntryFactory(
            name="Lanternlight Neighbours", description="Lanternlight suppers for streets."
        )
        cls.shy = MapEntryFactory(name="Lanternlight Quiet Circle", allow_indexing=False)
        cls.waiting = MapEntryFactory(name="Lanternlight Waiting", status=Status.PENDING)
        cls.private_words = MapEntryFactory(
            name="Other Group", description="lanternlight in a private description", public_fields=[]
        )

    def test_entries_have_their_own_type_and_only_indexable_ones_are_found(self):
        response = self.client.get("/search/", {"q": "lanternlight"})
        self.assertEqual(response.context["counts"]["map"], 1)
        self.assertContains(response, "1 entry on the Relationships Map")
        filters = {item.key: count for item, count in response.context["filters"]}
        self.assertEqual(filters["map"], 1)
        response = self.client.get("/search/", {"q": "lanternlight", "type": "map"})
        hits = response.context["hits"]
        self.assertEqual([hit.url for hit in hits], [f"/map/entries/{self.open.pk}/"])
        self.assertEqual(hits[0].search_type.singular, "Map entry")
        self.assertContains(response, "<mark>Lanternlight</mark> Neighbours", html=True)

    def test_a_removed_entry_leaves_search_at_once(self):
        moderation.remove(MapEntry.objects.get(pk=self.open.pk), by="owner")
        response = self.client.get("/search/", {"q": "lanternlight", "type": "map"})
        self.assertEqual(response.context["hits"], [])


@override_settings(PAGE_CACHE_SECONDS=600, PAGE_CACHE_LOOKUP_SECONDS=3600)
class CachedPagesTests(SiteTestCase):
    """With the page cache on, approving and removing an entry show on the cached map at once."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.map_page = MapPageFactory(parent=cls.home)

    def setUp(self):
        super().setUp()
        for alias in ("default", "pages", "generation"):
            caches[alias].clear()

    def test_approval_and_removal_retire_cached_pages(self):
        entry = MapEntryFactory(name="Kettle Street Neighbours", status=Status.PENDING)
        for path in ("/map/", "/map/feed/"):
            self.assertNotContains(self.client.get(path), "Kettle Street")
        self.assertEqual(self.client.get("/map/")["X-Page-Cache"], "hit")
        entry.status = Status.APPROVED
        entry.save()
        for path in ("/map/", "/map/feed/", f"/map/entries/{entry.pk}/"):
            self.assertContains(self.client.get(path), "Kettle Street")
        moderation.remove(entry, by="owner")
        for path in ("/map/", "/map/feed/"):
            self.assertNotContains(self.client.get(path), "Kettle Street")
        self.assertEqual(self.client.get(f"/map/entries/{entry.pk}/").status_code, 404)

    def test_an_unconfirmed_submission_does_not_empty_the_cache(self):
        before = generation()
        MapEntryFactory(status=Status.UNCONFIRMED)
        self.assertEqual(generation(), before)
