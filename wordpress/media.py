"""Attachments become Wagtail images or documents, read from the copied `wp-content/uploads/`."""

import hashlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.files import File
from django.core.files.images import ImageFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.utils import get_allowed_image_extensions

from PIL import Image as PILImage

from .index import upload_path
from .registry import fingerprint
from .report import CREATED, UNCHANGED, UPDATED


@dataclass(frozen=True)
class AttachmentFacts:
    """What bodies need to know about an attachment: its alt text and caption."""

    alt: str
    caption: str


def attachment_facts(item):
    return AttachmentFacts(
        alt=item.meta.get("_wp_attachment_image_alt", "").strip()[:255],
        caption=" ".join(item.excerpt.split())[:250],
    )


def source_file(media_dir, relative):
    """The file under `media_dir` for an uploads path, or None; never a file outside it."""
    if media_dir is None or not relative:
        return None
    root = Path(media_dir).resolve()
    candidate = (root / PurePosixPath(relative)).resolve()
    if not candidate.is_relative_to(root) or not candidate.is_file():
        return None
    return candidate


def file_digest(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


class MediaRefused(Exception):
    """The file exists but the site does not accept it (its type or size)."""


def model_for(path):
    extension = path.suffix.lower().lstrip(".")
    if extension in get_allowed_image_extensions():
        model, limit = get_image_model(), settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    elif extension in getattr(settings, "WAGTAILDOCS_EXTENSIONS", [extension]):
        model, limit = get_document_model(), settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
    else:
        raise MediaRefused(f"files of type .{extension} are not accepted by the site")
    if limit and path.stat().st_size > limit:
        raise MediaRefused(f"the file is larger than the site's limit of {limit // (1024 * 1024)} MB")
    if model is get_image_model():
        # Checked before anything is saved, so that a dry run finds it too.
        try:
            with PILImage.open(path) as picture:
                picture.verify()
        except (OSError, SyntaxError, ValueError, PILImage.DecompressionBombError) as error:
            raise MediaRefused(f"not a readable image ({error})") from None
    return model


def import_attachment(importer, item):
    """An image or document for the attachment; a missing file is reported, never fatal."""
    relative = item.meta.get("_wp_attached_file") or upload_path(item.attachment_url)
    path = source_file(importer.media_dir, relative)
    if path is None:
        importer.report.missing_media.append(f"{item.label}: uploads/{relative or '?'}")
        return "missing"
    model = model_for(path)
    facts = attachment_facts(item)
    title = item.title or path.stem
    digest = fingerprint({"file": file_digest(path), "title": title, "alt": facts.alt, "name": path.name})
    entry = importer.registry.get("attachment", item.wp_id)
    existing = importer.registry.target("attachment", item.wp_id, model)
    if existing is not None and entry.digest == digest:
        return UNCHANGED
    status = CREATED if existing is None else UPDATED
    if importer.dry_run:
        importer.registry.record("attachment", item.wp_id, model(), digest)
        return status
    media = existing or model()
    media.title = title[:255]
    if hasattr(media, "description"):
        media.description = facts.alt
    with open(path, "rb") as handle:
        wrapper = ImageFile if model is get_image_model() else File
        media.file = wrapper(handle, name=path.name)
        media.save()
    if existing is not None and model is get_image_model():
        media.renditions.all().delete()
    importer.registry.record("attachment", item.wp_id, media, digest)
    return status
