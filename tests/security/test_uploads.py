"""Uploads through the admin: size, pixel and type limits, and how documents are served."""

import struct
import zlib
from io import BytesIO

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

from PIL import Image as PILImage

TEN_MB = 10 * 1024 * 1024
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'


def png_bytes(width=8, height=8):
    buffer = BytesIO()
    PILImage.new("RGB", (width, height), "#9a3a20").save(buffer, "PNG")
    return buffer.getvalue()


def png_header_only(width, height):
    """A tiny PNG whose header claims width × height pixels: a decompression bomb's calling card."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    idat = zlib.compress(b"\0" * 1024)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


class AdminUploadLimitTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
        cls.collection = Collection.get_first_root_node()

    def setUp(self):
        self.client.force_login(self.editor)

    def upload_image(self, name, content):
        data = {"title": name, "collection": self.collection.pk, "file": SimpleUploadedFile(name, content)}
        return self.client.post("/admin/images/add/", data)

    def upload_document(self, name, content):
        data = {"title": name, "collection": self.collection.pk, "file": SimpleUploadedFile(name, content)}
        return self.client.post("/admin/documents/add/", data)

    def assert_refused(self, response, message):
        self.assertEqual(response.status_code, 200)
        errors = response.context["form"].errors["file"]
        self.assertTrue(any(message in error for error in errors), errors)

    def test_ordinary_image_is_accepted(self):
        response = self.upload_image("photo.png", png_bytes())
        self.assertEqual(response.status_code, 302)
        self.assertTrue(get_image_model().objects.filter(title="photo.png").exists())

    def test_image_over_ten_megabytes_is_refused(self):
        oversized = png_bytes() + b"\0" * TEN_MB
        self.assert_refused(self.upload_image("huge.png", oversized), "too big")
        self.assertFalse(get_image_model().objects.exists())

    def test_image_over_the_pixel_limit_is_refused(self):
        self.assert_refused(self.upload_image("wide.png", png_header_only(8000, 6000)), "too many pixels")
        self.assertFalse(get_image_model().objects.exists())

    def test_pillow_refuses_images_over_the_limit_before_decoding(self):
        self.assertEqual(PILImage.MAX_IMAGE_PIXELS * 2, settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS)
        with self.assertRaises(PILImage.DecompressionBombError):
            PILImage.open(BytesIO(png_header_only(8000, 6000)))

    def test_decompression_bomb_is_refused(self):
        response = self.upload_image("bomb.png", png_header_only(100_000, 100_000))
        self.assertEqual(response.status_code, 200)
        self.assertIn("file", response.context["form"].errors)
        self.assertFalse(get_image_model().objects.exists())

    def test_svg_image_is_refused(self):
        self.assert_refused(self.upload_image("logo.svg", SVG), "Not a supported image format")
        self.assertFalse(get_image_model().objects.exists())

    def test_ordinary_document_is_accepted(self):
        response = self.upload_document("report.pdf", b"%PDF-1.4\n%%EOF\n")
        self.assertEqual(response.status_code, 302)
        self.assertTrue(get_document_model().objects.filter(title="report.pdf").exists())

    def test_document_over_ten_megabytes_is_refused(self):
        self.assert_refused(self.upload_document("big.pdf", b"%PDF-1.4\n" + b"\0" * TEN_MB), "too big")
        self.assertFalse(get_document_model().objects.exists())

    def test_svg_and_html_documents_are_refused(self):
        for name, content in (("logo.svg", SVG), ("page.html", b"<script>alert(1)</script>")):
            with self.subTest(name=name):
                self.assert_refused(self.upload_document(name, content), "File extension")
        self.assertFalse(get_document_model().objects.exists())


class DocumentServingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        root = Collection.get_first_root_node()
        cls.private = root.add_child(name="Trustees")
        CollectionViewRestriction.objects.create(
            collection=cls.private, restriction_type=CollectionViewRestriction.LOGIN
        )
        Document = get_document_model()
        cls.pdf = Document.objects.create(
            title="Annual report", file=ContentFile(b"%PDF-1.4\n", "report.pdf")
        )
        cls.text = Document.objects.create(title="Notes", file=ContentFile(b"<b>hello</b>", "notes.txt"))
        cls.secret = Document.objects.create(
            title="Minutes", collection=cls.private, file=ContentFile(b"%PDF-1.4 secret", "minutes.pdf")
        )
        cls.editor = get_user_model().objects.create_user("trustee", "t@example.org", "pw")

    def test_documents_are_downloads_with_a_safe_type_and_nosniff(self):
        for document, content_type in ((self.pdf, "application/pdf"), (self.text, "text/plain")):
            with self.subTest(document=document.title):
                response = self.client.get(document.url)
                self.assertEqual(response.status_code, 200)
                self.assertTrue(response["Content-Disposition"].startswith("attachment;"))
                self.assertEqual(response["Content-Type"].split(";")[0], content_type)
                self.assertEqual(response["X-Content-Type-Options"], "nosniff")
                self.assertEqual(response["Content-Security-Policy"], "default-src 'none'")

    def test_private_collection_documents_are_refused_to_the_public(self):
        response = self.client.get(self.secret.url)
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].startswith("/_util/login/?next="))
        self.assertNotIn(b"secret", b"".join(getattr(response, "streaming_content", [response.content])))

    def test_private_collection_documents_are_served_to_signed_in_users(self):
        self.client.force_login(self.editor)
        response = self.client.get(self.secret.url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(b"".join(response.streaming_content), b"%PDF-1.4 secret")
