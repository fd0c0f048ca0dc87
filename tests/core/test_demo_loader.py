"""The demo loader: data files become pages and objects once, forward links are completed, dates stay relative."""

import datetime
import tempfile
import zoneinfo
from pathlib import Path

from wagtail.models import Page

import time_machine

from core.demo_loader import DemoContent
from core.models import Person, StandardPage
from events.models import EventPage
from tests.base import SiteTestCase

LONDON = zoneinfo.ZoneInfo("Europe/London")
DATA = """
- !core.Person
  name: Ada Example
  role: Associate
- !core.StandardPage
  parent: /
  slug: first
  title: First
  in_brief: Names a page the file makes later.
  body:
  - <p>Read <a linktype="page" id="/second/">the second page</a>.</p>
- !core.StandardPage
  parent: /
  slug: second
  title: Second
  in_brief: Made after the page that links to it.
  body:
  - Plain text becomes a paragraph.
- !events.EventIndexPage
  parent: /
  slug: convenings
  title: Convenings
- !events.EventPage
  parent: /convenings/
  slug: ahead
  title: Ahead
  in_brief: Three weeks from today.
  start: +21 12:30
  end: +21 13:45
"""


class DemoLoaderTests(SiteTestCase):
    def load(self):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "content.yaml"
            path.write_text(DATA, encoding="utf-8")
            demo = DemoContent()
            demo.load([path])
        return demo

    def test_loads_once_and_completes_links_to_pages_made_later(self):
        self.assertEqual(len(self.load().made), 5)
        first, second = StandardPage.objects.get(slug="first"), StandardPage.objects.get(slug="second")
        self.assertEqual(
            first.body[0].value.source,
            f'<p>Read <a linktype="page" id="{second.pk}">the second page</a>.</p>',
        )
        self.assertEqual(second.body[0].value.source, "<p>Plain text becomes a paragraph.</p>")
        self.assertEqual(Person.objects.get(name="Ada Example").role, "Associate")
        revisions = {page.pk: page.latest_revision_id for page in Page.objects.all()}

        self.assertEqual(self.load().made, [])
        self.assertEqual({page.pk: page.latest_revision_id for page in Page.objects.all()}, revisions)
        self.assertEqual(Person.objects.filter(name="Ada Example").count(), 1)

    @time_machine.travel(datetime.datetime(2026, 12, 3, 9, 0, tzinfo=LONDON), tick=False)
    def test_relative_dates_count_from_today_and_skip_weekends(self):
        self.load()
        # 21 days after Thursday 3 December 2026 is Thursday 24 December.
        event = EventPage.objects.get(slug="ahead")
        self.assertEqual(event.start, datetime.datetime(2026, 12, 24, 12, 30, tzinfo=LONDON))
        self.assertEqual(event.end, datetime.datetime(2026, 12, 24, 13, 45, tzinfo=LONDON))

    @time_machine.travel(datetime.datetime(2026, 12, 5, 9, 0, tzinfo=LONDON), tick=False)
    def test_a_relative_date_at_a_weekend_moves_to_the_monday(self):
        self.load()
        # 21 days after Saturday 5 December 2026 is a Saturday; the convening moves to Monday 28.
        event = EventPage.objects.get(slug="ahead")
        self.assertEqual(event.start, datetime.datetime(2026, 12, 28, 12, 30, tzinfo=LONDON))
