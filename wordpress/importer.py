"""One import of a WordPress export, in passes over the streamed file.

0. Read everything once without writing: a refused, broken or foreign file stops here, and the
   index of old addresses is built.
1. Authors, categories, tags and attachments (which posts refer to).
2. Posts and pages, each page after its parent.
3. Posts and pages whose links pointed at items imported after them, converted again.
Then pages are put in WordPress's order and the archive and feed redirects are made.
Each item is saved in its own transaction: a broken one is reported and the rest go in. The search
and reference indexes are brought up to date once, at the end (see `indexing`).
"""

from collections import Counter, defaultdict

from django.db import transaction
from django.urls import NoReverseMatch

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from blog.models import BlogIndexPage
from core.content_signals import content_changed
from core.models import Person

from . import wxr
from .html_to_blocks import BodyConverter
from .index import ExportIndex, upload_path
from .indexing import deferred_indexing
from .media import attachment_facts, import_attachment
from .pages import STATUSES, import_page, import_post
from .redirects import archive_routes, ensure_redirects, old_item_paths
from .registry import Registry
from .report import Report
from .taxonomy import import_author, import_term


class ImportRefused(Exception):
    """The import cannot start (no blog, no such parent page)."""


class Importer:
    def __init__(self, path, media_dir=None, parent=None, dry_run=False, progress=None):
        self.path = path
        self.media_dir = media_dir
        self.dry_run = dry_run
        self.progress = progress or (lambda label: None)
        self.report = Report(dry_run=dry_run)
        self.blog = BlogIndexPage.objects.first()
        if self.blog is None:
            raise ImportRefused("there is no blog index page to put the posts in: create the blog first")
        self.parent = parent or self.blog.get_parent()
        self.pending = set()
        self.created_live = set()  # (kind, WordPress ID) of pages this run created live
        self.attachments = {}
        self.waiting_pages = defaultdict(list)  # WordPress parent ID → pages read before it
        self.page_order = defaultdict(list)  # new parent pk → [(menu order, WordPress ID, page pk)]

    def run(self):
        self.index = ExportIndex.build(self.path)
        self.total = self.index.total
        with deferred_indexing():
            self.import_all()
        if not self.dry_run and self.report.changed:
            # Pages created live skip Wagtail's publish signal (see pages.save): retire cached listings now.
            content_changed.send(sender=type(self))
        return self.report

    def import_all(self):
        self.registry = Registry(dry_run=self.dry_run)
        self.converter = BodyConverter(Links(self))
        for record in self.records():
            self.first_pass(record)
        for record in self.records():
            if isinstance(record, wxr.Item) and record.post_type in ("post", "page"):
                self.second_pass(record)
        for items in self.waiting_pages.values():
            for item in items:
                self.report.left_out.append(
                    (item.label, "its parent page was not imported; imported at the top")
                )
                self.import_page_tree(item, self.parent)
        self.relink()
        if not self.dry_run:
            self.order_pages()
        self.archive_redirects()

    def records(self):
        for record in wxr.read(self.path):
            if not isinstance(record, wxr.SiteAddress):
                yield record

    def each(self, kind, key, label, work, count=True):
        """Run `work()` in its own transaction; on any error report the item as skipped, keep going."""
        try:
            with transaction.atomic():
                status = work()
        except Exception as error:  # noqa: BLE001 - one broken item must not stop the import
            self.registry.forget(kind, key)
            self.report.skip(kind, label, f"{type(error).__name__}: {error}")
            return None
        if isinstance(status, Counter):
            self.report.counts[kind].update(status)
            return None
        status, result = status if isinstance(status, tuple) else (status, None)
        if count and status is not None:
            self.report.count(kind, status)
        return result

    def first_pass(self, record):
        if isinstance(record, wxr.Author):
            self.each("author", record.login, record.label, lambda: import_author(self, record))
        elif isinstance(record, wxr.Term):
            self.each(record.kind, record.slug, record.label, lambda: import_term(self, record))
        elif record.post_type == "attachment":
            self.attachments[record.wp_id] = attachment_facts(record)
            self.each("attachment", record.wp_id, record.label, lambda: import_attachment(self, record))
        else:
            if record.post_type not in ("post", "page"):
                self.report.other_types[record.post_type] += 1
                self.progress(record.label)
            return
        self.progress(record.label)

    def second_pass(self, item):
        self.report.comments += item.comments
        if item.status not in STATUSES:
            self.progress(item.label)
            reason = "private: not imported" if item.status == "private" else f"status “{item.status}”"
            if item.status not in ("auto-draft", "inherit", "trash"):
                self.report.left_out.append((item.label, reason))
            return
        if item.post_type == "post":
            page = self.each("post", item.wp_id, item.label, lambda: import_post(self, item))
            self.item_redirects(item, page)
            self.progress(item.label)
            return
        parent = self.parent
        if item.parent and self.index.is_imported(item.parent):
            parent = self.page_for("page", item.parent)
            if parent is None:
                self.waiting_pages[item.parent].append(item)
                return
        self.import_page_tree(item, parent)

    def import_page_tree(self, item, parent):
        """Import a page, then any of its children that were read before it."""
        page = self.each("page", item.wp_id, item.label, lambda: import_page(self, item, parent))
        self.progress(item.label)
        self.item_redirects(item, page)
        if page is not None:
            self.page_order[parent.pk].append((item.menu_order, item.wp_id, page.pk))
        if page is not None or self.dry_run:
            for child in self.waiting_pages.pop(item.wp_id, []):
                self.import_page_tree(child, page or parent)

    def page_for(self, kind, wp_id):
        entry = self.registry.get(kind, wp_id)
        if entry is None:
            return None
        if self.dry_run and not entry.object_id:
            return self.parent
        return Page.objects.filter(pk=entry.object_id).first()

    def item_redirects(self, item, page):
        if page is None or STATUSES[item.status] == "draft" or page.pk is None:
            return
        targets = [(old_path, page, "") for old_path in old_item_paths(item, self.index)]
        self.each(
            "redirect",
            item.wp_id,
            f"redirects of {item.label}",
            lambda: ensure_redirects(targets, self.dry_run),
        )

    def relink(self):
        """Convert again the bodies whose links pointed at posts or pages imported after them."""
        if not self.pending or self.dry_run:
            return
        waiting, self.pending = self.pending, set()
        # The first conversion already reported what these bodies leave out; only failures count now.
        report, self.report = self.report, Report()
        for record in self.records():
            if isinstance(record, wxr.Item) and (record.post_type, record.wp_id) in waiting:
                # Counted once, in the pass that imported it.
                if record.post_type == "post":
                    work = lambda record=record: import_post(self, record)  # noqa: E731
                else:
                    page = self.page_for("page", record.wp_id)
                    parent = page.get_parent() if page else self.parent
                    work = lambda r=record, p=parent: import_page(self, r, p)  # noqa: E731
                self.each(record.post_type, record.wp_id, record.label, work, count=False)
        report.skipped.extend(self.report.skipped)
        self.report = report

    def order_pages(self):
        """Siblings in WordPress's menu order; nothing moves when they already are."""
        for parent_pk, children in self.page_order.items():
            wanted = [pk for _order, _wp_id, pk in sorted(children)]
            current = list(
                Page.objects.get(pk=parent_pk)
                .get_children()
                .filter(pk__in=wanted)
                .values_list("pk", flat=True)
            )
            if current != wanted:
                parent = Page.objects.get(pk=parent_pk)
                for pk in wanted:
                    Page.objects.get(pk=pk).move(parent, pos="last-child")

    def archive_redirects(self):
        categories = [wp_id for (kind, wp_id) in self.registry.entries if kind == "category"]
        tags = [wp_id for (kind, wp_id) in self.registry.entries if kind == "tag"]
        authors = {}
        for (kind, login), entry in self.registry.entries.items():
            person = Person.objects.filter(pk=entry.object_id).first() if kind == "author" else None
            if person is not None:
                authors[login] = person.slug
        try:
            routes = archive_routes(self.blog, categories, tags, authors)
        except NoReverseMatch as error:
            self.report.left_out.append(("archive redirects", f"an old slug is not a valid address: {error}"))
            return
        targets = [(old_path, self.blog, route) for old_path, route in routes]
        self.each(
            "redirect",
            "archives",
            "archive and feed redirects",
            lambda: ensure_redirects(targets, self.dry_run),
        )

    def object_id(self, kind, wp_id):
        entry = self.registry.get(kind, wp_id)
        return entry.object_id if entry else None

    def image_id(self, attachment_id):
        entry = self.registry.get("attachment", attachment_id)
        if entry is None or entry.model != get_image_model()._meta.label_lower:
            return None
        return entry.object_id


class ImageRef:
    """An image known only by its primary key (0 in a dry run, for one not saved)."""

    def __init__(self, pk):
        self.pk = pk


class Links:
    """Resolves the old site's addresses in post bodies to what this import made of them."""

    def __init__(self, importer):
        self.importer = importer
        self.index = importer.index
        self.registry = importer.registry

    def image(self, attachment_id, url):
        wp_id = attachment_id or self.index.uploads.get(upload_path(url))
        image_id = self.importer.image_id(wp_id) if wp_id else None
        if image_id is None:
            return None, "", ""
        facts = self.importer.attachments.get(wp_id)
        return ImageRef(image_id), facts.alt if facts else "", facts.caption if facts else ""

    def href(self, url):
        if not self.index.is_internal(url):
            return None
        wp_id = self.index.item_for(url)
        if wp_id is None:
            return "unresolved"
        post_type, _status = self.index.types[wp_id]
        if post_type == "attachment":
            return self.attachment_link(wp_id)
        entry = self.registry.get(post_type, wp_id)
        if entry is not None:
            return {"linktype": "page", "id": str(entry.object_id)}
        return "pending" if self.index.is_imported(wp_id) else "unresolved"

    def attachment_link(self, wp_id):
        entry = self.registry.get("attachment", wp_id)
        if entry is None:
            return "unresolved"
        if entry.model == get_document_model()._meta.label_lower:
            return {"linktype": "document", "id": str(entry.object_id)}
        image = get_image_model().objects.filter(pk=entry.object_id).first()
        return {"href": image.file.url} if image else "unresolved"
