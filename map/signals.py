"""Retire cached pages when a public entry changes or goes, and only then: a new, unconfirmed or
pending entry shows nowhere, so it should not empty the site's cache."""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from home.page_cache import bump_generation

from .models.entries import MapEntry, Status


@receiver(post_save, sender=MapEntry)
def entry_saved(sender, instance, **kwargs):
    if Status.APPROVED in (instance.status, instance.loaded_status):
        bump_generation()
    instance.loaded_status = instance.status


@receiver(post_delete, sender=MapEntry)
def entry_deleted(sender, instance, **kwargs):
    """However an entry goes (its owner's link, the admin, expiry), every log line that named it goes
    too, and one anonymous line stays for the audit log."""
    content_type = ContentType.objects.get_for_model(MapEntry)
    ModelLogEntry.objects.filter(content_type=content_type, object_id=str(instance.pk)).delete()
    kind = instance.get_kind_display().lower() or "entry"
    by = getattr(instance, "removed_by", "an editor or expiry")
    log(instance, "map.remove", title=f"Removed {kind} #{instance.pk}", data={"by": by})
    bump_generation()
