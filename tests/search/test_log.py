"""The search log cannot be grown without limit by anonymous searches: only queries of a useful
length are counted, at most so many new ones a day, and old counts are pruned by Wagtail's command."""

import datetime
from unittest import mock

from django.core.management import call_command
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from search import views
from search.models import UnansweredSearch
from tests.base import SiteTestCase


class SearchLogTests(SiteTestCase):
    def search(self, q):
        self.assertEqual(self.client.get("/search/", {"q": q}).status_code, 200)

    def test_useful_queries_are_counted_per_day(self):
        self.search("neighbours")
        self.search("  Neighbours ")
        self.assertEqual(QueryDailyHits.objects.get(query__query_string="neighbours").hits, 2)
        self.assertTrue(UnansweredSearch.objects.filter(query__query_string="neighbours").exists())

    def test_too_short_or_too_long_queries_are_not_logged(self):
        self.search("a")
        self.search(" ".join(["relationships"] * 10))  # 139 characters of words
        self.assertFalse(Query.objects.exists())
        self.assertFalse(QueryDailyHits.objects.exists())

    def test_new_queries_stop_being_logged_when_the_day_is_full(self):
        with mock.patch.object(views, "LOGGED_QUERIES_PER_DAY", 3):
            for n in range(6):
                self.search(f"flood{n}")
            self.search("flood0")  # one already counted today is still counted
        self.assertEqual(Query.objects.count(), 3)
        self.assertEqual(QueryDailyHits.objects.get(query__query_string="flood0").hits, 2)
        self.assertEqual(UnansweredSearch.objects.count(), 3)

    def test_the_daily_prune_removes_old_counts_and_forgotten_queries(self):
        old = Query.get("old search")
        old.add_hit(timezone.now().date() - datetime.timedelta(days=91))
        UnansweredSearch.record(Query.objects.select_related("unanswered").get(pk=old.pk), found=False)
        self.search("recent search")
        call_command("searchpromotions_garbage_collect", stdout=open("/dev/null", "w"))  # noqa: SIM115
        self.assertEqual(list(Query.objects.values_list("query_string", flat=True)), ["recent search"])
        self.assertEqual(UnansweredSearch.objects.count(), 1)
