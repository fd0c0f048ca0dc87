"""The stored WordPress IDs, read once per import and kept in step with what it saves."""

import hashlib
import json
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType

from .models import ImportedObject


@dataclass(frozen=True)
class Entry:
    object_id: int
    model: str  # "app_label.model", e.g. "wagtailimages.image"
    digest: str


def fingerprint(values):
    """A stable digest of what an item imports as, to tell whether it changed since the last run."""
    return hashlib.sha256(json.dumps(values, sort_keys=True, default=str).encode()).hexdigest()


class Registry:
    """{(kind, WordPress ID): Entry}. In a dry run entries are only remembered, never written, so
    that later items can see what earlier ones would have become (with object ID 0)."""

    def __init__(self, dry_run=False):
        self.dry_run = dry_run
        self.entries = {}
        rows = ImportedObject.objects.select_related("content_type").values_list(
            "kind", "wp_id", "object_id", "content_type__app_label", "content_type__model", "digest"
        )
        for kind, wp_id, object_id, app_label, model, digest in rows:
            self.entries[(kind, wp_id)] = Entry(object_id, f"{app_label}.{model}", digest)

    def get(self, kind, wp_id):
        return self.entries.get((kind, str(wp_id)))

    def target(self, kind, wp_id, model):
        """The object an earlier import made of this WordPress object, if it still exists."""
        entry = self.get(kind, wp_id)
        if entry is None or entry.model != model._meta.label_lower or not entry.object_id:
            return None
        return model._default_manager.filter(pk=entry.object_id).first()

    def record(self, kind, wp_id, obj, digest):
        key = (kind, str(wp_id))
        if self.dry_run:
            self.entries[key] = Entry(0, obj._meta.label_lower, digest)
            return
        values = {
            "content_type": ContentType.objects.get_for_model(obj),
            "object_id": obj.pk,
            "digest": digest,
        }
        if key in self.entries:
            ImportedObject.objects.update_or_create(kind=kind, wp_id=str(wp_id), defaults=values)
        else:
            # Every stored row was read at the start (and re-read by `forget`): this one is new.
            ImportedObject.objects.create(kind=kind, wp_id=str(wp_id), **values)
        self.entries[key] = Entry(obj.pk, obj._meta.label_lower, digest)

    def forget(self, kind, wp_id):
        """Drop what a rolled-back item recorded, re-reading the stored row if there is one."""
        key = (kind, str(wp_id))
        self.entries.pop(key, None)
        row = (
            ImportedObject.objects.filter(kind=kind, wp_id=str(wp_id)).select_related("content_type").first()
        )
        if row is not None:
            label = f"{row.content_type.app_label}.{row.content_type.model}"
            self.entries[key] = Entry(row.object_id, label, row.digest)
