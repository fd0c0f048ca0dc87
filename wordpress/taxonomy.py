"""Authors become people, and categories and tags the blog's own, matched before anything is created."""

from django.utils.text import slugify

from taggit.models import Tag

from blog.models import Category
from core.models import Person

from .registry import fingerprint
from .report import CREATED, MATCHED, UNCHANGED, UPDATED


def free_slug(model, base, exclude_pk=None, max_length=80):
    """`base`, or `base-2`, `base-3`… whichever no other row of `model` has yet."""
    base = (slugify(base) or "item")[: max_length - 4]
    slug, number = base, 1
    while model._default_manager.filter(slug=slug).exclude(pk=exclude_pk).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def import_author(importer, author):
    """An author is the person of the same name where there is one; otherwise a new person."""
    digest = fingerprint({"name": author.name})
    entry = importer.registry.get("author", author.login)
    person = importer.registry.target("author", author.login, Person)
    if person is not None and entry.digest == digest:
        return UNCHANGED
    if person is None:
        person = Person.objects.filter(name__iexact=author.name).first()
    status = UPDATED if entry is not None else MATCHED if person is not None else CREATED
    if importer.dry_run:
        importer.registry.record("author", author.login, person or Person(), digest)
        return status
    if person is None:
        person = Person(
            name=author.name[:120], slug=free_slug(Person, author.login or author.name, max_length=120)
        )
        person.save()
    importer.registry.record("author", author.login, person, digest)
    return status


def import_term(importer, term):
    """A category or tag, matched on its slug, then its name, before one is created; the slug is
    kept so that the old archive addresses can be redirected."""
    model = Category if term.kind == "category" else Tag
    values = {"name": term.name, "slug": term.slug, "description": term.description}
    digest = fingerprint(values)
    entry = importer.registry.get(term.kind, term.slug)
    existing = importer.registry.target(term.kind, term.slug, model)
    if existing is not None and entry.digest == digest:
        return UNCHANGED
    if existing is None:
        existing = (
            model.objects.filter(slug=term.slug).first() or model.objects.filter(name=term.name).first()
        )
    status = UPDATED if entry is not None else MATCHED if existing is not None else CREATED
    if importer.dry_run:
        importer.registry.record(term.kind, term.slug, existing or model(), digest)
        return status
    if status != MATCHED:
        # A term the import made follows WordPress; one the site had already is left as editors made it.
        existing = existing or model(slug=term.slug)
        existing.name = term.name[: model._meta.get_field("name").max_length]
        if model is Category:
            existing.description = term.description[:600]
        existing.save()
    importer.registry.record(term.kind, term.slug, existing, digest)
    return status
