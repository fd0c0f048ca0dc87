"""Terms and definitions readers suggest, for editors to review."""

from django.db import models

from wagtail.admin.panels import FieldPanel


class GlossarySuggestion(models.Model):
    """A reader's suggested term or definition, waiting for an editor; it never publishes itself."""

    class Status(models.TextChoices):
        NEW = "new", "New"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"

    term = models.CharField(max_length=120)
    definition = models.TextField("suggested definition", max_length=2000)
    source = models.CharField(max_length=500, blank=True, help_text="A book, article, person or link.")
    name = models.CharField(max_length=100, blank=True)
    email = models.EmailField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)
    submitted_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("status"),
        FieldPanel("term", read_only=True),
        FieldPanel("definition", read_only=True),
        FieldPanel("source", read_only=True),
        FieldPanel("name", read_only=True),
        FieldPanel("email", read_only=True),
    ]

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = "term suggestion"

    def __str__(self):
        return self.term
