"""A convening: when and where it happens, who speaks, and what it left behind."""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q, prefetch_related_objects
from django.utils import timezone

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from core.blocks import BodyBlock
from core.checklist import ChecklistPanel
from core.fields import optional_link, optional_url
from core.guide import GuidePanel
from core.listings import attach_images
from core.models import ListingFieldsMixin, ReadOnlyPage
from core.previews import CardPreviewMixin
from core.visibility import PublicPageQuerySet

from ..calendar import calendar_response
from ..structured_data import event_json_ld
from .series import EventSeries

UK_TIME_HELP = "UK time (Europe/London): GMT in winter, BST in summer."


class EventStatus(models.TextChoices):
    """Where an event stands relative to the clock; never stored, always derived."""

    UPCOMING = "upcoming", "Upcoming"
    HAPPENING = "happening", "Happening now"
    PAST = "past", "Past"


class EventFormat(models.TextChoices):
    ONLINE = "online", "Online"
    IN_PERSON = "in_person", "In person"
    HYBRID = "hybrid", "Hybrid (in person and online)"


class EventPageQuerySet(PublicPageQuerySet):
    """Event queries that split the programme by the clock."""

    def upcoming(self, now=None):
        """Events that have not yet ended (including those happening now), soonest first."""
        return self.filter(end__gt=now or timezone.now()).order_by("start", "pk")

    def past(self, now=None):
        """Events that have ended, most recent first."""
        return self.filter(end__lte=now or timezone.now()).order_by("-start", "-pk")

    def for_listing(self):
        """Events with what a listing card shows fetched up front (images come from `attach_images`)."""
        return self.select_related("series").defer_streamfields()

    def with_reflections(self):
        """Past events marked `has_reflections` when they carry written reflections or a live,
        public post reflects on them, so listings can say which are worth going back to."""
        posts = self.model._meta.get_field("reflection_posts").related_model.objects.live().public()
        written = ~Q(reflections=[])
        reflected = Exists(posts.filter(related_convening=OuterRef("pk")))
        return self.annotate(
            has_reflections=ExpressionWrapper(written | reflected, output_field=BooleanField())
        )


class EventPage(CardPreviewMixin, RoutablePageMixin, ListingFieldsMixin, ReadOnlyPage, Page):
    """One convening, announced ahead and carrying its reflections afterwards."""

    card_template = "events/includes/event_card.html"
    served_with = (*ListingFieldsMixin.served_with, "series")

    # The iCalendar UID and SEQUENCE, never shown to editors: calendars know an event by its UID,
    # which never changes, and replace their copy when its SEQUENCE grows (see save()).
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    start = models.DateTimeField(help_text=f"When it starts, in {UK_TIME_HELP}")
    end = models.DateTimeField(help_text=f"When it ends, in {UK_TIME_HELP}")
    format = models.CharField(max_length=20, choices=EventFormat.choices, default=EventFormat.ONLINE)
    venue_name = models.CharField(
        max_length=200, blank=True, help_text="Required for in-person and hybrid events, e.g. The Yard"
    )
    venue_address = models.TextField(
        blank=True, max_length=400, help_text="Street address and town, one part per line."
    )
    joining_link = optional_url(
        help_text=(
            "The Zoom or Teams link. It is never shown on the website, in feeds or in calendars: "
            "it is emailed to people who have registered."
        ),
    )
    registration_url = optional_url(
        "sign-up link",
        help_text="Where people register, e.g. an Eventbrite or form page. Hidden once the event is over.",
    )
    places = models.CharField(
        max_length=80,
        blank=True,
        help_text="How many can come, e.g. '40 places'. Shown until the event ends.",
    )
    series = optional_link(
        EventSeries, related_name="events", help_text="Optional: the series this convening belongs to."
    )
    body = StreamField(BodyBlock(), blank=True, help_text="What the convening is about and who it is for.")
    attendance = models.CharField(
        max_length=80,
        blank=True,
        help_text="Who came, e.g. '120 practitioners'. Shown once the event has ended.",
    )
    reflections = StreamField(
        BodyBlock(),
        blank=True,
        help_text="What happened and what we learned. Shown once the event has ended.",
    )
    recording_url = optional_url("recording link")
    slides_url = optional_url("slides or notes link")

    objects = PageManager.from_queryset(EventPageQuerySet)()

    search_fields = [
        *ListingFieldsMixin.search_fields,
        index.SearchField("body"),
        index.SearchField("reflections"),
        index.SearchField("venue_name"),
        index.FilterField("start"),
        index.FilterField("end"),
    ]
    content_panels = [
        GuidePanel(),
        ChecklistPanel(),
        *Page.content_panels,
        FieldPanel("in_brief"),
        MultiFieldPanel([FieldPanel("start"), FieldPanel("end")], heading="When"),
        MultiFieldPanel(
            [
                FieldPanel("format"),
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldPanel("joining_link"),
            ],
            heading="Where",
        ),
        MultiFieldPanel(
            [FieldPanel("registration_url"), FieldPanel("places"), FieldPanel("series")],
            heading="Taking part",
        ),
        InlinePanel("speakers", label="Speaker or host", heading="Speakers and hosts"),
        InlinePanel("partners", label="Partner organisation", heading="Partner organisations"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                HelpPanel(
                    "These appear on the page once the event has ended: who came in place of the places, "
                    "the reflections and links in place of the sign-up button."
                ),
                FieldPanel("attendance"),
                FieldPanel("reflections"),
                FieldPanel("recording_url"),
                FieldPanel("slides_url"),
            ],
            heading="After the event",
        ),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    exclude_fields_in_copy = ["uid", "sequence"]
    page_description = "A gathering, online or in person, with its sign-up link and, afterwards, reflections."

    class Meta:
        verbose_name = "convening"

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = "The end must be after the start."
        if self.format in (EventFormat.IN_PERSON, EventFormat.HYBRID) and not self.venue_name:
            errors["venue_name"] = "Say where people should go."
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        """Bump the calendar SEQUENCE whenever the stored times change, so subscribers see the move."""
        update_fields = kwargs.get("update_fields")
        times_saved = update_fields is None or {"start", "end"} & set(update_fields)
        if self.pk and times_saved:
            stored = type(self).objects.filter(pk=self.pk).values("start", "end", "sequence").first()
            if stored and (stored["start"], stored["end"]) != (self.start, self.end):
                self.sequence = stored["sequence"] + 1
                if update_fields is not None:
                    kwargs["update_fields"] = [*update_fields, "sequence"]
        return super().save(*args, **kwargs)

    def with_content_json(self, content):
        """Keep the calendar identity from the live row; a revision never carries it back in time."""
        page = super().with_content_json(content)
        page.uid = self.uid
        page.sequence = self.sequence
        return page

    def status_at(self, now):
        if now < self.start:
            return EventStatus.UPCOMING
        if now < self.end:
            return EventStatus.HAPPENING
        return EventStatus.PAST

    @property
    def status(self):
        return self.status_at(timezone.now())

    @property
    def is_past(self):
        return self.status == EventStatus.PAST

    @property
    def is_online(self):
        return self.format in (EventFormat.ONLINE, EventFormat.HYBRID)

    @property
    def is_in_person(self):
        return self.format in (EventFormat.IN_PERSON, EventFormat.HYBRID)

    @property
    def location_text(self):
        """A one-line location for calendars and feeds; the joining link never appears here."""
        if not self.is_in_person:
            return "Online"
        place = ", ".join(filter(None, [self.venue_name, *self.venue_address.splitlines()]))
        return f"{place} and online" if self.format == EventFormat.HYBRID else place

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["index_page"] = self.get_parent().specific
        context["speakers"] = list(self.speakers.select_related("person__photo"))
        # Every speaker's portrait renditions in one query rather than one per speaker.
        photos = [speaker.person.photo for speaker in context["speakers"] if speaker.person.photo]
        prefetch_related_objects(photos, "renditions")
        context["json_ld"] = event_json_ld(self, request, context["speakers"])
        # A convening being created (previewed before its first save) has no reflections yet.
        context["reflection_posts"] = self.reflection_cards() if self.pk else []
        return context

    def reflection_cards(self):
        """Posts reflecting on this convening (the blog's posts point here), as listing cards."""
        return attach_images(self.reflection_posts.live().public().for_listing())

    @re_path(r"^calendar\.ics/$", name="calendar")
    def calendar(self, request):
        return calendar_response(request, [self], name=self.title, filename=f"{self.slug}.ics")


class EventPageSpeaker(Orderable):
    """Someone speaking at or hosting a convening, in running order."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="speakers")
    person = models.ForeignKey("core.Person", on_delete=models.CASCADE, related_name="+")
    role = models.CharField(max_length=80, blank=True, help_text="e.g. Host, Kitchen Table Guest, Speaker")

    panels = [FieldPanel("person"), FieldPanel("role")]

    def __str__(self):
        return f"{self.person} ({self.role})" if self.role else str(self.person)


class EventPagePartner(Orderable):
    """An organisation that co-hosted or supported a convening."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField(max_length=120)
    url = optional_url("website")

    panels = [FieldPanel("name"), FieldPanel("url")]

    def __str__(self):
        return self.name
