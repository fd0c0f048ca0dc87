"""The Relationships Heatmap: the page editors write, the frozen versions of its questions, and the
anonymous results and groups of the people who take it.

Results carry no personal data: a private link (stored hashed), an optional label of the person's
own choosing, and scores. They are deleted by their owner at once, or after the retention period.
"""

from django.conf import settings
from django.db import IntegrityError, models, transaction

from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from core.blocks import RICH_TEXT_FEATURES
from core.fields import optional_link
from core.models import IntroductionMixin, ReadOnlyPage

from .blocks import ContextBlock, SectionBlock
from .forms import GroupForm, StartForm
from .snapshot import Structure, fingerprint, freeze

SCALE_DEFAULTS = ["Not at all", "A little", "Sometimes", "Mostly", "This is how we work"]


def scale_field(number):
    return models.CharField(f"Label for {number}", max_length=40, default=SCALE_DEFAULTS[number - 1])


class HeatmapPage(IntroductionMixin, ReadOnlyPage, Page):
    """A self-assessment people take anonymously, one section per step, and see as a heatmap."""

    introduction = RichTextField(features=RICH_TEXT_FEATURES)
    contexts = StreamField(
        [("context", ContextBlock())], blank=True, help_text="The settings this Heatmap suits."
    )
    scale_1 = scale_field(1)
    scale_2 = scale_field(2)
    scale_3 = scale_field(3)
    scale_4 = scale_field(4)
    scale_5 = scale_field(5)
    sections = StreamField([("section", SectionBlock())])

    content_panels = [
        *IntroductionMixin.content_panels,
        FieldPanel("contexts"),
        MultiFieldPanel(
            [
                HelpPanel(
                    "Every statement is rated from 1 to 5. Changing a label, a statement or a next step "
                    "starts a new version when published: results already given keep the version they "
                    "were answered on."
                ),
                FieldPanel("scale_1"),
                FieldPanel("scale_2"),
                FieldPanel("scale_3"),
                FieldPanel("scale_4"),
                FieldPanel("scale_5"),
            ],
            heading="Rating scale",
        ),
        FieldPanel("sections"),
    ]
    parent_page_types = ["home.HomePage", "core.StandardPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Heatmap"

    def scale_labels(self):
        return [{"value": n, "label": getattr(self, f"scale_{n}")} for n in range(1, 6)]

    def current_version(self):
        """The frozen version matching the published questions, created the first time it is needed."""
        structure = freeze(self)
        mark = fingerprint(structure)
        version = self.versions.filter(fingerprint=mark).first()
        if version is not None:
            return version
        try:
            with transaction.atomic():
                number = (self.versions.aggregate(models.Max("number"))["number__max"] or 0) + 1
                return self.versions.create(number=number, fingerprint=mark, structure=structure)
        except IntegrityError:  # another visitor froze the same questions a moment ago
            return self.versions.get(fingerprint=mark)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["retention_months"] = settings.HEATMAP_RETENTION_MONTHS
        context["step_count"] = len(self.sections)
        context.setdefault("start_form", StartForm())
        context.setdefault("group_form", GroupForm(prefix="group"))
        return context


class HeatmapVersion(models.Model):
    """The questions of a Heatmap as they stood when someone started answering, never changed after."""

    page = models.ForeignKey(HeatmapPage, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    fingerprint = models.CharField(max_length=64)
    structure = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["page", "number"]
        constraints = [
            models.UniqueConstraint(fields=["page", "number"], name="heatmap_version_number_unique"),
            models.UniqueConstraint(
                fields=["page", "fingerprint"], name="heatmap_version_fingerprint_unique"
            ),
        ]

    def __str__(self):
        return f"{self.page.title}, version {self.number}"

    @property
    def questions(self):
        if not hasattr(self, "_questions"):
            self._questions = Structure(self.structure)
        return self._questions


class HeatmapGroup(models.Model):
    """People who take the Heatmap together through a join link; its creator holds a separate link to
    close it or start a new round. A round answers one version, so its members' scores line up."""

    version = models.ForeignKey(HeatmapVersion, on_delete=models.CASCADE, related_name="groups")
    name = models.CharField(max_length=80, blank=True)
    # The join link is meant to be passed around a team, so it is kept as given; the creator's link
    # is private and stored hashed, shared by every round of the group.
    join_token = models.CharField(max_length=32, unique=True)
    manage_hash = models.CharField(max_length=64, db_index=True)
    previous = optional_link("self", related_name="next_rounds")
    closed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return self.name or f"Group {self.pk}"

    @property
    def is_closed(self):
        return self.closed_at is not None


class HeatmapResult(models.Model):
    """One person's answers to one version, reachable only through its private link."""

    version = models.ForeignKey(HeatmapVersion, on_delete=models.CASCADE, related_name="results")
    group = models.ForeignKey(
        HeatmapGroup, null=True, blank=True, on_delete=models.CASCADE, related_name="results"
    )
    previous = optional_link("self", related_name="retakes")
    token_hash = models.CharField(max_length=64, unique=True)
    label = models.CharField(max_length=80, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    completed_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return f"Result {self.pk}"

    @property
    def is_complete(self):
        return self.completed_at is not None

    def scores(self):
        return dict(self.answers.values_list("statement_key", "score"))


class Answer(models.Model):
    """One score for one statement of the result's version (element key kept for database averages)."""

    result = models.ForeignKey(HeatmapResult, on_delete=models.CASCADE, related_name="answers")
    statement_key = models.CharField(max_length=64)
    element_key = models.CharField(max_length=64, db_index=True)
    score = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["result", "statement_key"], name="heatmap_answer_once"),
            models.CheckConstraint(
                condition=models.Q(score__gte=1, score__lte=5), name="heatmap_answer_score_range"
            ),
        ]

    def __str__(self):
        return f"{self.statement_key}: {self.score}"
