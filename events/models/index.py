"""The Convenings page: upcoming convenings, the past archive, series pages, the calendar and the feed."""

import datetime

from django.db import models
from django.shortcuts import get_object_or_404
from django.utils import timezone

from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Page

from core.listings import ListingPaginator, attach_images
from core.models import IntroIndexPage, ReadOnlyPage

from ..calendar import calendar_response
from ..feeds import EventFeed
from .convenings import EventPage
from .series import EventSeries

PAST_PER_PAGE = 12
CALENDAR_PAST_WINDOW = datetime.timedelta(days=365)


class EventIndexPage(IntroIndexPage, RoutablePageMixin, ReadOnlyPage, Page):
    """The convenings programme at /convenings/, with its archive, series pages, calendar and feed."""

    intro = models.TextField(
        blank=True,
        max_length=500,
        help_text="A sentence or two above the upcoming convenings; also the page's description.",
    )

    subpage_types = ["events.EventPage"]
    page_description = "The Convenings page, listing upcoming and past convenings."

    class Meta:
        verbose_name = "convenings list"

    def events(self):
        """Every public convening under this page."""
        return EventPage.objects.child_of(self).live().public()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["webcal_url"] = "webcal://" + self.get_full_url(request).split("://", 1)[1] + "calendar.ics"
        return context

    @path("", name="index")
    def index_route(self, request):
        """The programme; its listings are built here so the other routes do not pay for them."""
        upcoming = list(self.events().upcoming().for_listing())
        recent = list(self.events().past().for_listing().with_reflections()[:3])
        attach_images([*upcoming, *recent])
        series = self.series_with_events()
        return self.render(
            request,
            context_overrides={"upcoming_events": upcoming, "recent_events": recent, "series_list": series},
        )

    def series_with_events(self):
        return list(EventSeries.objects.filter(events__in=self.events().values("pk")).distinct())

    @path("past/", name="past")
    def past_events(self, request):
        events = self.events().past()
        years = [moment.year for moment in events.datetimes("start", "year", order="DESC")]
        series_list = list(EventSeries.objects.filter(events__in=events.values("pk")).distinct())
        # Only values offered in the form are honoured, so junk parameters simply show everything.
        year = {str(y): y for y in years}.get(request.GET.get("year"))
        series = {s.slug: s for s in series_list}.get(request.GET.get("series"))
        if year:
            events = events.filter(start__year=year)
        if series:
            events = events.filter(series=series)
        events = events.for_listing().with_reflections()
        return self.render(
            request,
            template="events/event_archive.html",
            context_overrides={
                "events": ListingPaginator(events, PAST_PER_PAGE).get_page(request.GET.get("page")),
                "years": years,
                "year": year,
                "series_list": series_list,
                "series": series,
                "canonical_suffix": "past/",
            },
        )

    @path("series/<slug:slug>/", name="series")
    def series_events(self, request, slug):
        series = get_object_or_404(EventSeries, slug=slug)
        events = self.events().filter(series=series).for_listing()
        upcoming = list(events.upcoming())
        past = ListingPaginator(events.past().with_reflections(), PAST_PER_PAGE, prepare=list).get_page(
            request.GET.get("page")
        )
        attach_images([*upcoming, *past])  # both lists' images in one fetch
        return self.render(
            request,
            template="events/event_series.html",
            context_overrides={
                "series": series,
                "upcoming_events": upcoming,
                "events": past,
                "canonical_suffix": f"series/{series.slug}/",
            },
        )

    @re_path(r"^calendar\.ics/$", name="calendar")
    def calendar(self, request):
        now = timezone.now()
        events = self.events().filter(end__gt=now - CALENDAR_PAST_WINDOW).order_by("start", "pk")
        return calendar_response(request, events, name=self.title)

    @path("feed/", name="feed")
    def feed(self, request):
        return EventFeed(self)(request)
