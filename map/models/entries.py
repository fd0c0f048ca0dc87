"""Entries on the Relationships Map, their themes, and the moderation state that keeps them private
until a moderator approves them."""

import re
import secrets
from urllib.parse import urlsplit

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from core.models import TaxonomyTerm

from ..taxonomy import KINDS, NEEDS, REGION_CHOICES, REGIONS_BY_KEY, SCALES

# The fields a submitter may choose to show; name, kind, place and themes always show, since
# they are what put an entry on the map.
PUBLIC_FIELD_CHOICES = [
    ("description", "What you do"),
    ("town", "Town or city"),
    ("scale", "Scale"),
    ("needs", "What you are looking for"),
    ("website", "Website"),
    ("public_contact", "Public contact email"),
]
# Words that do not tell two names apart when looking for likely duplicates.
NAME_NOISE = re.compile(r"\b(the|ltd|limited|cic|cio|charity|trust|uk|inc|and)\b")


def fold_name(name):
    """A name folded for duplicate checks: 'The Kindness Network Ltd.' and 'kindness network' match."""
    folded = NAME_NOISE.sub(" ", re.sub(r"[^a-z0-9 ]+", " ", name.lower().replace("&", " and ")))
    return " ".join(folded.split())[:120]


def website_host(url):
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def new_secret():
    return secrets.token_urlsafe(12)


class Status(models.TextChoices):
    UNCONFIRMED = "unconfirmed", "Email not yet confirmed"
    PENDING = "pending", "Awaiting moderation"
    APPROVED = "approved", "Approved (public)"
    CHANGES_REQUESTED = "changes_requested", "Changes requested"
    REJECTED = "rejected", "Rejected"


class Theme(TaxonomyTerm):
    """A theme entries work on, such as housing or health and care; editors manage the list."""

    slug = models.SlugField(max_length=80, unique=True, help_text="Used in the map's filter links.")
    description = models.CharField(max_length=255, blank=True, help_text="Shown on the filter as a hint.")

    class Meta(TaxonomyTerm.Meta):
        verbose_name = "map theme"


class MapEntryQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def public(self):
        return self.filter(status=Status.APPROVED)

    def indexable(self):
        return self.public().filter(allow_indexing=True)

    def awaiting_moderation(self):
        return self.filter(Q(status=Status.PENDING) | Q(status=Status.APPROVED, has_pending_changes=True))


class MapEntry(index.Indexed, models.Model):
    """A person, organisation, network or programme on the map, with the submitter's choices of what shows.

    `email` is private and only ever used for the signed links; edits to an approved entry wait in
    `pending_changes` while the approved version stays public.
    """

    card_template = "map/includes/entry_card.html"

    name = models.CharField(max_length=120)
    kind = models.CharField(max_length=20, choices=KINDS)
    description = models.TextField(
        "what they do", max_length=600, blank=True, help_text="In their own words, a few sentences."
    )
    themes = models.ManyToManyField(Theme, blank=True, related_name="entries")
    region = models.CharField("where they work", max_length=20, choices=REGION_CHOICES)
    town = models.CharField(max_length=80, blank=True)
    scale = models.CharField(max_length=20, choices=SCALES, blank=True)
    needs_collaborators = models.BooleanField(default=False)
    needs_funding = models.BooleanField(default=False)
    needs_learning = models.BooleanField(default=False)
    needs_volunteers = models.BooleanField(default=False)
    needs_sharing = models.BooleanField(default=False)
    website = models.URLField(max_length=300, blank=True)
    public_contact = models.EmailField("public contact email", blank=True)
    public_fields = models.JSONField(
        default=list, blank=True, help_text="The optional fields the submitter made public."
    )
    allow_indexing = models.BooleanField(
        default=False, help_text="The submitter allows search engines to index the entry."
    )
    email = models.EmailField(
        help_text="Private: only for the links that confirm, edit and remove the entry."
    )
    privacy_agreed_at = models.DateTimeField(null=True, blank=True)

    status = models.CharField(max_length=20, choices=Status.choices, default=Status.UNCONFIRMED)
    pending_changes = models.JSONField(null=True, blank=True, editable=False)
    has_pending_changes = models.BooleanField(default=False, editable=False)
    moderator_message = models.TextField(blank=True, help_text="The last message sent to the submitter.")
    possible_duplicate = models.BooleanField(default=False)
    name_key = models.CharField(max_length=120, editable=False, db_index=True)
    website_host = models.CharField(max_length=255, editable=False, blank=True, db_index=True)
    secret = models.CharField(max_length=32, default=new_secret, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    approved_at = models.DateTimeField(null=True, blank=True, editable=False)
    glossary_terms = models.ManyToManyField("glossary.GlossaryTermPage", blank=True, related_name="+")
    stories = models.ManyToManyField(
        "casestudies.CaseStudyPage", blank=True, related_name="+", help_text="Case Maker stories about them."
    )
    convenings = models.ManyToManyField("events.EventPage", blank=True, related_name="+")

    objects = MapEntryQuerySet.as_manager()
    # The status when read from the database (see `from_db`), None for a new entry.
    loaded_status = None

    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("public_description"),
        index.FilterField("status"),
        index.FilterField("allow_indexing"),
    ]
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("possible_duplicate"),
                FieldPanel("moderator_message", read_only=True),
            ],
            heading="Moderation",
        ),
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("themes"),
        FieldPanel("region"),
        FieldPanel("town"),
        FieldPanel("scale"),
        MultiFieldPanel(
            [FieldPanel(f"needs_{key}") for key, _ in NEEDS],
            heading="Looking for",
        ),
        FieldPanel("website"),
        FieldPanel("public_contact"),
        FieldPanel("public_fields", read_only=True),
        FieldPanel("allow_indexing", read_only=True),
        FieldPanel("email", read_only=True),
        MultiFieldPanel(
            [FieldPanel("glossary_terms"), FieldPanel("stories"), FieldPanel("convenings")],
            heading="Linked site content",
        ),
    ]

    class Meta:
        verbose_name = "map entry"
        verbose_name_plural = "map entries"
        indexes = [
            models.Index(fields=["status", "region"], name="map_entry_status_region"),
            models.Index(fields=["status", "kind"], name="map_entry_status_kind"),
            models.Index(fields=["status", "-approved_at"], name="map_entry_status_approved"),
            models.Index(fields=["status", "created_at"], name="map_entry_status_created"),
            *(
                models.Index(fields=[f"needs_{key}", "status"], name=f"map_entry_needs_{key}")
                for key, _ in NEEDS
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name_key = fold_name(self.name)
        self.website_host = website_host(self.website)
        self.has_pending_changes = self.pending_changes is not None
        super().save(*args, **kwargs)

    @classmethod
    def from_db(cls, db, field_names, values):
        entry = super().from_db(db, field_names, values)
        # What the public could see before this change: leaving "approved" must retire cached pages too.
        entry.loaded_status = entry.status if "status" in field_names else None
        return entry

    @property
    def slug(self):
        return slugify(self.name)[:60] or "entry"

    @property
    def is_public(self):
        return self.status == Status.APPROVED

    @property
    def region_name(self):
        return REGIONS_BY_KEY[self.region].name if self.region in REGIONS_BY_KEY else ""

    @property
    def needs(self):
        return [key for key, _ in NEEDS if getattr(self, f"needs_{key}")]

    @property
    def needs_labels(self):
        return [label for key, label in NEEDS if getattr(self, f"needs_{key}")]

    def shows(self, field):
        """Whether the submitter made this optional field public (and it has a value)."""
        return field in self.public_fields and bool(
            getattr(self, field, None) or field == "needs" and self.needs
        )

    @property
    def public_description(self):
        return self.description if self.shows("description") else ""

    def likely_duplicates(self):
        """Other entries with the same website or the same name once case, punctuation and 'Ltd' are set aside."""
        matches = Q(name_key=fold_name(self.name))
        if website_host(self.website):
            matches |= Q(website_host=website_host(self.website))
        return MapEntry.objects.filter(matches).exclude(pk=self.pk)
