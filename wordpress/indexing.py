"""Search and reference indexing put off to the end of an import, then done once per object.

Wagtail updates both indexes on every save. An import saves each page, its authors, tags and
redirects, some pages several times (created, published, relinked, reordered), and that per-save
indexing was half of its time. Inside `deferred_indexing()` saves only note what they touched; on
the way out each touched object that still exists is indexed once, in bulk, in one transaction.
"""

from collections import defaultdict
from contextlib import contextmanager

from django.db import transaction
from django.db.models.signals import post_save

from modelcluster.fields import ParentalKey
from wagtail.models import ReferenceIndex
from wagtail.search import index
from wagtail.search.backends import get_search_backends
from wagtail.search.signal_handlers import post_save_signal_handler
from wagtail.signal_handlers import disable_reference_index_auto_update

CHUNK = 500


@contextmanager
def deferred_indexing():
    """Hold back the search and reference index updates of every save in this thread's block,
    then bring both indexes up to date for what was saved (also when the block fails part way,
    since each item is committed on its own)."""
    saved = defaultdict(set)  # model → primary keys saved

    def remember(sender, instance, raw=False, **kwargs):
        if not raw and instance.pk is not None:
            saved[sender].add(instance.pk)

    # Wagtail's search receiver is connected per indexed model; only those are reconnected.
    held = [
        model
        for model in index.get_indexed_models()
        if post_save.disconnect(post_save_signal_handler, sender=model)
    ]
    post_save.connect(remember, weak=False, dispatch_uid="wordpress-deferred-indexing")
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        post_save.disconnect(remember, dispatch_uid="wordpress-deferred-indexing")
        for model in held:
            post_save.connect(post_save_signal_handler, sender=model)
        with transaction.atomic():
            update_search_index(saved)
            update_reference_index(saved)


def update_search_index(saved):
    """Add each saved object of an indexed model to every auto-updated search backend, in bulk,
    a chunk at a time so that memory stays flat however large the import."""
    backends = list(get_search_backends(with_auto_update=True))
    for model, pks in saved.items():
        if not index.class_is_indexed(model) or not getattr(model, "search_auto_update", True):
            continue
        ordered = sorted(pks)
        for start in range(0, len(ordered), CHUNK):
            found = defaultdict(list)  # indexed model (a page's specific class) → instances
            chunk = model.get_indexed_objects().filter(pk__in=ordered[start : start + CHUNK])
            for obj in chunk:
                indexed = obj.get_indexed_instance()
                if indexed is not None:
                    found[type(indexed)].append(indexed)
            for indexed_model, items in found.items():
                # As a save would: only what the model's indexed objects still include.
                kept = set(
                    indexed_model.get_indexed_objects()
                    .filter(pk__in=[item.pk for item in items])
                    .values_list("pk", flat=True)
                )
                for backend in backends:
                    backend.add_bulk(indexed_model, [item for item in items if item.pk in kept])


def update_reference_index(saved):
    """Record the references of each saved object once; a child object's (an inline panel's row)
    are recorded against its parent, as Wagtail's own save handler does."""
    pending = {model: set(pks) for model, pks in saved.items() if model in ReferenceIndex.tracked_models}
    roots = defaultdict(set)  # model → primary keys whose references are recorded
    while pending:
        parents = defaultdict(set)
        for model, pks in pending.items():
            keys = [field for field in model._meta.get_fields() if isinstance(field, ParentalKey)]
            if not keys:
                roots[model] |= pks
                continue
            ids = model._default_manager.filter(pk__in=pks).values_list(keys[0].attname, flat=True)
            parents[keys[0].related_model] |= {pk for pk in ids if pk is not None}
        pending = parents
    for model, pks in roots.items():
        if ReferenceIndex.is_indexed(model):
            for obj in model._default_manager.filter(pk__in=pks).iterator(chunk_size=CHUNK):
                ReferenceIndex.create_or_update_for_object(obj)
