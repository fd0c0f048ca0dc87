"""Retire cached pages when a public entry changes or goes, and only then: a new, unconfirmed or
pending entry shows nowhere, so it should not empty the site's cache."""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from core.content_signals import content_changed

from .models.entries import MapEntry, Status
from .models.pages import MapPage

# Saving only these leaves the public version of an entry as it was (an edit waiting for a moderator).
PRIVATE_FIELDS = {"pending_changes", "has_pending_changes", "moderator_message"}


@receiver(post_save, sender=MapEntry)
def entry_saved(sender, instance, update_fields=None, **kwargs):
    private_only = update_fields is not None and set(update_fields) <= PRIVATE_FIELDS
    if not private_only and Status.APPROVED in (instance.status, instance.loaded_status):
        public_entry_changed(instance)
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
    if instance.status == Status.APPROVED:
        public_entry_changed(instance)


def public_entry_changed(entry):
    """Retire every cached page, and name the map's own addresses for a CDN to drop."""
    map_page = MapPage.objects.live().first()
    if map_page is None:
        content_changed.send(sender=MapEntry)
        return
    base = map_page.full_url
    routes = [("entry", {"pk": entry.pk}), ("feed", {}), ("open_data_csv", {}), ("open_data_json", {})]
    urls = [base, *(base + map_page.reverse_subpage(name, kwargs=kwargs) for name, kwargs in routes)]
    content_changed.send(sender=MapEntry, pages=[map_page], urls=urls)
