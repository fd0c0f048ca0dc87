"""The demo content loader: get-or-creates what each app's `demo/*.yaml` file describes.

The format is in docs/demo-content.md. Loading twice changes nothing: a page already at its place
(parent and slug), a settings object already filled in, or any other object with the same first
field is left as it is, edits and all.
"""

import datetime
import re
from pathlib import Path

from django.apps import apps
from django.core.files.images import ImageFile
from django.db import models
from django.utils import timezone

from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

import yaml

# Page paths in the data are the page's URL on the demo site: its url_path below the home page.
HOME_PATH = "/home"
# A rich-text link written with the target's path, e.g. <a linktype="page" id="/blog/">.
LINK = re.compile(r'(<a linktype="\w+" id=")(/[^"]*)">(.*?)</a>', re.DOTALL)
# "+21 12:30": 21 days from today at 12:30, moved to the Monday if it falls at a weekend; "-6": 6 days ago.
RELATIVE = re.compile(r"([+-]\d+)(?: (\d\d):(\d\d))?")


class Missing(LookupError):
    """A page the data names has not been loaded (yet)."""


class PagePath(str):
    """`!page /path/`: the page at that path."""


class Spec:
    """`!app.Model {fields}`: the object of that model those fields describe."""

    def __init__(self, model, fields, folder):
        self.model, self.fields, self.folder = model, fields, folder


class DataLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """YAML with the two tags above; `read` gives each file's loader the `folder` its images are in."""


DataLoader.add_constructor("!page", lambda loader, node: PagePath(loader.construct_scalar(node)))
DataLoader.add_multi_constructor(
    "!",
    lambda loader, suffix, node: Spec(
        apps.get_model(suffix), loader.construct_mapping(node, deep=True), loader.folder
    ),
)


def read(path):
    """The list of objects in the data file at `path`."""
    loader = type("FileLoader", (DataLoader,), {"folder": path.parent})
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 - safe loader plus two tags


class DemoContent:
    """Realises data files in order; a page that names pages loaded after it is completed at the end."""

    def __init__(self):
        self.lenient = self.missed = False  # while lenient, references to pages not loaded yet are left out
        self.pending, self.made = [], []  # pages to complete at the end; everything made

    def load(self, paths):
        # Each page is saved several times while it is made; its references are indexed once, at the end.
        with disable_reference_index_auto_update():
            for path in paths:
                for spec in read(Path(path)):
                    self.get(spec)
            for page, spec in self.pending:
                page.refresh_from_db()  # its children have been added since
                for name, value in self.values(spec).items():
                    setattr(page, name, value)
                page.save_revision().publish()
        for instance in self.made:
            if ReferenceIndex.is_indexed(type(instance)):
                ReferenceIndex.create_or_update_for_object(type(instance).objects.get(pk=instance.pk))

    def get(self, spec):
        if isinstance(spec, PagePath):
            return self.page_at(spec)
        if issubclass(spec.model, Page):
            return self.page(spec)
        if hasattr(spec.model, "load"):
            return self.setting(spec)
        name, value = next(iter(spec.fields.items()))
        existing = spec.model.objects.filter(**{name: value}).first()
        if existing:
            return existing
        values = self.values(spec)
        many = {
            name: values.pop(name)
            for name in list(values)
            if isinstance(spec.model._meta.get_field(name), models.ManyToManyField)
        }
        instance = spec.model.objects.create(**values)
        for name, related in many.items():
            getattr(instance, name).set(related)
        self.made.append(instance)
        return instance

    def page_at(self, path):
        page = Page.objects.filter(url_path=HOME_PATH + path).first()
        if page is None:
            raise Missing(f"No demo page at {path}: load the file that makes it first.")
        return page.specific

    def page(self, spec):
        fields = dict(spec.fields)
        parent_path = fields.pop("parent")
        parent = self.page_at(parent_path) if parent_path else Page.get_first_root_node()
        existing = parent.get_children().filter(slug=fields["slug"]).first()
        if existing:
            return existing.specific
        spec = Spec(spec.model, fields, spec.folder)
        self.lenient, self.missed = True, False
        try:
            page = spec.model(**self.values(spec))
        finally:
            self.lenient = False
        parent.add_child(instance=page)
        page.save_revision().publish()
        if self.missed:
            self.pending.append((page, spec))
        self.made.append(page)
        return page

    def setting(self, spec):
        """A settings object is filled in once, while its first field is still empty."""
        instance = spec.model.load()
        current = getattr(instance, next(iter(spec.fields)))
        if current.exists() if hasattr(current, "exists") else current:
            return instance
        for name, value in self.values(spec).items():
            setattr(instance, name, value)
        instance.save()
        self.made.append(instance)
        return instance

    def values(self, spec):
        """Model field values for the data fields of `spec`."""
        values = {}
        for name, value in spec.fields.items():
            try:
                values[name] = self.value(spec.model._meta.get_field(name), value, spec.folder)
            except Missing as error:
                self.leave_out(error)
        return values

    def leave_out(self, error):
        """A missing page fails strict loading; lenient loading leaves it out and completes the page later."""
        if not self.lenient:
            raise error
        self.missed = True

    def value(self, field, value, folder):
        if field.one_to_many:  # an inline list (speakers, menu items): rows of the related model
            model = field.related_model
            return [model(**self.values(Spec(model, row, folder))) for row in value]
        if field.many_to_many:
            return [self.get(item) for item in value]
        if field.is_relation:
            return self.get(value)
        if isinstance(field, StreamField):
            blocks = (self.block(item) for item in value)
            return [block for block in blocks if block is not None]
        if isinstance(field, RichTextField):
            return self.links(value)
        if isinstance(field, models.FileField):
            return ImageFile((folder / value).open("rb"), name=Path(value).name)
        if isinstance(field, models.DateTimeField) and isinstance(value, str):
            return self.when(value)
        return value

    def block(self, item):
        """Raw StreamField data for an item: a string is a paragraph, `{name: value}` any other block."""
        if isinstance(item, str):
            item = {"type": "paragraph", "value": item if item.startswith("<") else f"<p>{item}</p>"}
        elif "type" not in item:
            ((name, value),) = item.items()
            item = {"type": name, "value": value}
        try:
            return {**item, "value": self.raw(item["value"])}
        except Missing as error:
            return self.leave_out(error)

    def raw(self, value):
        if isinstance(value, PagePath):
            return self.page_at(value).pk
        if isinstance(value, Spec):
            return self.get(value).pk
        if isinstance(value, str):
            return self.links(value)
        if isinstance(value, list):
            return [self.raw(item) for item in value]
        if isinstance(value, dict):
            return {key: self.raw(item) for key, item in value.items()}
        return value

    def links(self, html):
        def link(match):
            try:
                return f'{match[1]}{self.page_at(match[2]).pk}">{match[3]}</a>'
            except Missing as error:
                self.leave_out(error)
                return match[3]  # the link's text, until the page is completed

        return LINK.sub(link, html)

    def when(self, text):
        """A date and time: ISO ("2024-07-12 10:00", London time) or relative to today (see RELATIVE)."""
        match = RELATIVE.fullmatch(text)
        if match is None:
            return timezone.make_aware(datetime.datetime.fromisoformat(text))
        days, hour, minute = match.groups()
        if hour is None:
            return timezone.now() + datetime.timedelta(days=int(days))
        day = timezone.localdate() + datetime.timedelta(days=int(days))
        day += datetime.timedelta(days=7 - day.weekday() if day.weekday() >= 5 else 0)
        return datetime.datetime.combine(
            day, datetime.time(int(hour), int(minute)), timezone.get_current_timezone()
        )
