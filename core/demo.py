"""Get-or-create helpers every app's demo module builds on, so loading twice changes nothing."""

import io

from django.core.files.images import ImageFile

from wagtail.images.models import Image
from wagtail.rich_text import RichText

from .illustrations import draw_illustration
from .models import Person


def paragraphs(*texts):
    """StreamField data for a body of plain paragraphs."""
    return [("paragraph", RichText(f"<p>{text}</p>")) for text in texts]


class DemoContent:
    """Get-or-create helpers shared by every app's demo module."""

    def __init__(self, stdout=None):
        self.stdout = stdout
        self.home = None
        self.created = 0

    def log(self, message):
        if self.stdout:
            self.stdout.write(message)

    def image(self, key, title, palette=0):
        """A flat illustration drawn for `key` (see core.illustrations), its alt text as its description."""
        existing = Image.objects.filter(title=title).first()
        if existing:
            return existing
        data, alt = draw_illustration(key, palette)
        image = Image(title=title, description=alt)
        image.file = ImageFile(io.BytesIO(data), name=f"{key}.jpg")
        image.save()
        self.created += 1
        return image

    def person(self, name, role="", bio="", **links):
        person, created = Person.objects.get_or_create(
            name=name, defaults={"role": role, "bio": bio, **links}
        )
        self.created += created
        return person

    def page(self, parent, model, slug, **fields):
        """The child of `parent` with this slug, created and published if missing."""
        existing = parent.get_children().filter(slug=slug).first()
        if existing:
            return existing.specific
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        return page
