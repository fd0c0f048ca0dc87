"""What the WordPress import remembers: which object each WordPress post, term or author became."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models


class ImportedObject(models.Model):
    """One WordPress object brought across, so that importing the same export again updates it
    instead of adding a copy, and can tell when nothing has changed since."""

    class Kind(models.TextChoices):
        AUTHOR = "author"
        CATEGORY = "category"
        TAG = "tag"
        ATTACHMENT = "attachment"
        POST = "post"
        PAGE = "page"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    wp_id = models.CharField(
        "WordPress ID", max_length=200, help_text="The post ID, or the slug of a term, or an author's login."
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    digest = models.CharField(
        max_length=64, help_text="A fingerprint of what was imported, to skip unchanged items."
    )
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "wp_id"], name="one_import_per_wordpress_object")
        ]

    def __str__(self):
        return f"WordPress {self.kind} {self.wp_id}"
