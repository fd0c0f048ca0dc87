"""A first read of the whole export: how much there is, and which old address is which item.

Only small facts are kept (numbers and short paths), so the index of a 200 MB export is a few
megabytes; post bodies are read again, one at a time, when they are imported.
"""

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlparse

from . import wxr

# Post types and statuses that become pages of the site; everything else is only counted.
IMPORTED_TYPES = {"post", "page", "attachment"}
IMPORTED_STATUSES = {"publish", "draft", "pending", "future", "inherit"}
QUERY_IDS = ("p", "page_id", "attachment_id")


@dataclass
class ExportIndex:
    hosts: set = field(default_factory=set)
    addresses: dict = field(default_factory=dict)  # old path (or "?p=ID") → item ID
    uploads: dict = field(default_factory=dict)  # path under uploads/ → attachment ID
    types: dict = field(default_factory=dict)  # item ID → (post type, status)
    total: int = 0

    @classmethod
    def build(cls, path):
        """Read every record once; raises `wxr.WXRError` before anything is written."""
        index = cls()
        for record in wxr.read(path):
            index.add(record)
        return index

    def add(self, record):
        if isinstance(record, wxr.SiteAddress):
            self.hosts.add(urlparse(record.url).netloc.lower())
            return
        self.total += 1
        if isinstance(record, wxr.Item):
            self.add_item(record)

    def add_item(self, item):
        self.types[item.wp_id] = (item.post_type, item.status)
        if item.post_type == "attachment":
            relative = item.meta.get("_wp_attached_file") or upload_path(item.attachment_url)
            if relative:
                self.uploads[relative] = item.wp_id
            return
        for address in (item.link, item.guid):
            key = self.key(address)
            if key:
                self.addresses.setdefault(key, item.wp_id)

    def is_imported(self, wp_id):
        post_type, status = self.types.get(wp_id, ("", ""))
        return post_type in IMPORTED_TYPES and status in IMPORTED_STATUSES

    def is_internal(self, url):
        parsed = urlparse(url)
        if parsed.scheme not in ("", "http", "https"):
            return False
        return (not parsed.netloc and parsed.path.startswith("/")) or parsed.netloc.lower() in self.hosts

    def key(self, url):
        """The old site's address `url` reduced to what identifies an item, or "" if it is elsewhere."""
        if not url or not self.is_internal(url):
            return ""
        parsed = urlparse(url)
        query = parse_qs(parsed.query)
        for name in QUERY_IDS:
            if query.get(name, [""])[0].isdigit():
                return f"?p={int(query[name][0])}"
        return parsed.path.rstrip("/") or "/"

    def item_for(self, url):
        """The ID of the post, page or attachment at the old address `url`, if the export has it."""
        key = self.key(url)
        if key.startswith("?p="):
            wp_id = int(key[3:])
            return wp_id if wp_id in self.types else None
        found = self.addresses.get(key)
        if found is None:
            relative = upload_path(url)
            found = self.uploads.get(relative) if relative else None
        return found


def upload_path(url):
    """The path under `uploads/` of an address of the old site's media, without WordPress's size
    suffix (`photo-300x200.jpg` → `2021/03/photo.jpg`), or "" when it is not one."""
    path = urlparse(url).path
    marker = "/wp-content/uploads/"
    if marker not in path:
        return ""
    relative = path.split(marker, 1)[1]
    return re.sub(r"-\d+x\d+(\.\w+)$", r"\1", relative)
