"""Malformed files uploaded by an editor (truncated or corrupt images of every accepted format, an
image bomb, a document that only pretends to be a PDF) are refused with a form error naming the
file, never a 500, and leave nothing behind: no row and no stored file."""

import os
from io import BytesIO

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, TestCase

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from PIL import Image as PILImage

from tests.security.test_uploads import png_header_only


def image_bytes(kind, size=(64, 48)):
    buffer = BytesIO()
    PILImage.new("RGB", size, "#9a3a20").save(buffer, kind)
    return buffer.getvalue()


def corrupt(data):
    """The format's signature and header kept, everything after them scrambled."""
    return data[:40] + bytes(reversed(data[40:]))


MALFORMED_IMAGES = {
    "truncated.png": image_bytes("PNG")[:60],
    "corrupt.png": corrupt(image_bytes("PNG")),
    "truncated.gif": image_bytes("GIF")[:30],
    "corrupt.gif": corrupt(image_bytes("GIF")),
    "truncated.jpg": image_bytes("JPEG")[:200],
    "corrupt.jpg": corrupt(image_bytes("JPEG")),
    "truncated.webp": image_bytes("WEBP")[:40],
    "corrupt.webp": corrupt(image_bytes("WEBP")),
    "empty.png": b"",
    "bomb.png": png_header_only(60_000, 60_000),
    "text.jpg": b"just some words, not a picture",
}
FAKE_DOCUMENTS = {
    "report.pdf": b"<html><script>alert(1)</script></html>",
    "empty.pdf": b"",
    "truncated.pdf": b"%PDF-1.7\n",
}


class MalformedUploadTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
        cls.collection = Collection.get_first_root_node()

    def setUp(self):
        self.client = Client(raise_request_exception=False)
        self.client.force_login(self.editor)

    def stored_files(self):
        return sorted(
            os.path.join(folder, name) for folder, _, names in os.walk(settings.MEDIA_ROOT) for name in names
        )

    def assert_refused_naming_the_file(self, url, name, content, model):
        before = self.stored_files()
        data = {"title": name, "collection": self.collection.pk, "file": SimpleUploadedFile(name, content)}
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200, name)
        errors = " ".join(response.context["form"].errors.get("file", []))
        self.assertIn(name, errors)
        self.assertFalse(model.objects.exists(), name)
        self.assertEqual(self.stored_files(), before, name)

    def test_malformed_images_are_refused_by_name_through_the_admin_and_the_chooser(self):
        for url in ("/admin/images/add/", "/admin/images/chooser/create/"):
            for name, content in MALFORMED_IMAGES.items():
                with self.subTest(url=url, name=name):
                    self.assert_refused_naming_the_file(url, name, content, get_image_model())

    def test_documents_that_are_not_what_they_claim_are_refused_by_name(self):
        for url in ("/admin/documents/add/", "/admin/documents/chooser/create/"):
            for name, content in FAKE_DOCUMENTS.items():
                with self.subTest(url=url, name=name):
                    self.assert_refused_naming_the_file(url, name, content, get_document_model())
