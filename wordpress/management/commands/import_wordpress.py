"""`manage.py import_wordpress EXPORT.xml`: bring a WordPress site across, safely repeatable."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Page

from tqdm import tqdm

from wordpress.importer import Importer, ImportRefused
from wordpress.wxr import WXRError

PLAIN_PROGRESS_EVERY = 250


class Progress:
    """A tqdm bar on a terminal; otherwise a plain line every few hundred entries, for logs."""

    def __init__(self, stream):
        self.stream = stream
        self.interactive = stream.isatty()
        self.bar = None
        self.done = 0
        self.importer = None

    def __call__(self, label):
        self.done += 1
        total = self.importer.total
        if self.interactive:
            if self.bar is None:
                self.bar = tqdm(total=total, unit="entry", file=self.stream._out, leave=False)
            self.bar.update(1)
        elif self.done % PLAIN_PROGRESS_EVERY == 0 or self.done == total:
            self.stream.write(f"{self.done} of {total} entries read")

    def close(self):
        if self.bar is not None:
            self.bar.close()


class Command(BaseCommand):
    help = (
        "Import a WordPress export (WXR): authors, categories, tags, media, posts and pages, with "
        "permanent redirects from the old addresses. Safe to run again: changed items are updated."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", help="The .xml file from WordPress's Tools → Export.")
        parser.add_argument("--media-dir", help="A copy of the old site's wp-content/uploads/ folder.")
        parser.add_argument(
            "--parent",
            help="ID or address (e.g. /about/) of the page to put pages under; default: the home page.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change and write nothing."
        )

    def handle(self, *args, export, media_dir, parent, dry_run, **options):
        path = Path(export)
        if not path.is_file():
            raise CommandError(f"{export}: no such file")
        if media_dir and not Path(media_dir).is_dir():
            raise CommandError(f"--media-dir {media_dir}: no such folder")
        progress = Progress(self.stderr)
        try:
            importer = Importer(
                path, media_dir=media_dir, parent=find_page(parent), dry_run=dry_run, progress=progress
            )
            progress.importer = importer
            report = importer.run()
        except (WXRError, ImportRefused) as error:
            raise CommandError(f"{export}: {error}") from None
        finally:
            progress.close()
        for line in report.lines():
            self.stdout.write(line)
        if report.skipped:
            raise CommandError(f"{len(report.skipped)} item(s) skipped: see the list above.")
        if not media_dir:
            self.stdout.write("No --media-dir given: images and documents were not imported.")


def find_page(value):
    if not value:
        return None
    page = Page.objects.filter(pk=int(value)).first() if value.isdigit() else None
    if page is None and not value.isdigit():
        url_path = "/".join(part for part in value.split("/") if part)
        matches = [p for p in Page.objects.filter(url_path__endswith=f"/{url_path}/") if p.depth > 2]
        page = matches[0] if len(matches) == 1 else None
    if page is None:
        raise CommandError(f"--parent {value}: no such page (give its ID or its address)")
    return page.specific
