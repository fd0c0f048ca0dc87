"""The admin's image and document forms (WAGTAILIMAGES_IMAGE_FORM_BASE, WAGTAILDOCS_DOCUMENT_FORM_BASE):
Wagtail's own, plus a check that the file really is what its name says, so that a truncated or
corrupt picture, or a page of HTML called report.pdf, is refused with an error that names the file
before anything is stored."""

import os

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from PIL import Image as PILImage

DAMAGED_IMAGE = (
    "This image is damaged or incomplete and cannot be read. Export it again and upload the new copy."
)
# How a document of each accepted type begins (None: plain text, checked for binary content).
DOCUMENT_SIGNATURES = {
    ".pdf": b"%PDF-",
    ".docx": b"PK\x03\x04",
    ".xlsx": b"PK\x03\x04",
    ".pptx": b"PK\x03\x04",
    ".odt": b"PK\x03\x04",
    ".rtf": b"{\\rtf",
    ".csv": None,
    ".txt": None,
}


class NamedFileErrorsMixin:
    """Every error about the file starts with the file's name, as the multiple upload lists many."""

    def clean(self):
        cleaned_data = super().clean()
        upload = self.files.get("file")
        if upload is not None and "file" in self.errors:
            name = os.path.basename(upload.name)
            self.errors["file"] = self.error_class(
                [error if name in error else f"{name}: {error}" for error in self.errors["file"]]
            )
        return cleaned_data

    def read_upload(self):
        upload = self.cleaned_data.get("file")
        if upload is None or not hasattr(upload, "seek"):
            return None
        upload.seek(0)
        return upload


class CheckedImageField(WagtailImageField):
    """Wagtail's image field, for files that Pillow cannot read to the end: Wagtail reads only the
    header itself, and some damaged files make even that raise something other than a form error."""

    def to_python(self, data):
        try:
            upload = super().to_python(data)
            if upload is not None:
                # Decoding the whole picture (within Pillow's pixel limit) finds a file cut short
                # or scrambled after its first bytes.
                with PILImage.open(upload) as picture:
                    picture.load()
                upload.seek(0)
        except ValidationError:
            raise
        except Exception as error:  # Pillow's decoders raise many kinds (struct.error, IndexError…)
            raise ValidationError(DAMAGED_IMAGE, code="invalid_image") from error
        return upload


class CheckedImageForm(NamedFileErrorsMixin, BaseImageForm):
    file = CheckedImageField(label=_("File"))


class CheckedDocumentForm(NamedFileErrorsMixin, BaseDocumentForm):
    def clean_file(self):
        upload = self.read_upload()
        if upload is not None and upload is not self.original_file:
            extension = os.path.splitext(upload.name)[1].lower()
            head = upload.read(4096)
            upload.seek(0)
            signature = DOCUMENT_SIGNATURES.get(extension)
            if signature is None and b"\0" in head:
                raise ValidationError("This file is not plain text.")
            if signature is not None and not head.startswith(signature):
                raise ValidationError(
                    f"This file is not a {extension[1:].upper()} file, whatever its name says."
                )
            if extension == ".pdf" and not self.ends_like_a_pdf(upload):
                raise ValidationError(
                    "This PDF is incomplete (it stops before its end). Save it again and upload it."
                )
        return self.cleaned_data["file"]

    @staticmethod
    def ends_like_a_pdf(upload):
        upload.seek(max(upload.size - 2048, 0))
        tail = upload.read()
        upload.seek(0)
        return b"%%EOF" in tail
