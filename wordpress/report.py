"""The summary an import ends with: what was created, updated, left alone or skipped, and why."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"
# An author, category or tag found already on the site (by name or slug) and used as it is.
MATCHED = "matched to an existing one"
# Statuses in the order the report gives them.
ORDER = [CREATED, MATCHED, UPDATED, UNCHANGED, "missing", "skipped"]
PLURALS = {"category": "categories"}


@dataclass
class Report:
    dry_run: bool = False
    counts: defaultdict = field(default_factory=lambda: defaultdict(Counter))  # kind → status → n
    skipped: list = field(default_factory=list)  # (label, reason): broken items
    left_out: list = field(default_factory=list)  # (label, reason): not imported by rule
    other_types: Counter = field(default_factory=Counter)
    missing_media: list = field(default_factory=list)
    missing_images: list = field(default_factory=list)
    shortcodes: Counter = field(default_factory=Counter)
    removed: Counter = field(default_factory=Counter)
    unresolved_links: list = field(default_factory=list)
    generated_briefs: list = field(default_factory=list)
    comments: int = 0

    def count(self, kind, status):
        self.counts[kind][status] += 1

    def skip(self, kind, label, reason):
        self.counts[kind]["skipped"] += 1
        self.skipped.append((label, reason))

    def add_body_notes(self, label, notes):
        self.shortcodes.update(notes.shortcodes)
        self.removed.update(notes.removed)
        self.missing_images.extend(f"{label}: {src}" for src in notes.missing_images)
        self.unresolved_links.extend(f"{label}: {href}" for href in notes.unresolved_links)

    @property
    def changed(self):
        return any(
            counter[CREATED] or counter[UPDATED] or counter[MATCHED] for counter in self.counts.values()
        )

    def lines(self):
        """The report as lines of plain text."""
        verbs = (
            {CREATED: "would create", UPDATED: "would update"}
            if self.dry_run
            else {CREATED: "created", UPDATED: "updated"}
        )
        yield "Dry run: nothing was written." if self.dry_run else "WordPress import finished."
        for kind in ("author", "category", "tag", "attachment", "post", "page", "redirect"):
            counter = self.counts.get(kind)
            if counter:
                parts = [
                    f"{counter[status]} {verbs.get(status, status)}" for status in ORDER if counter[status]
                ]
                yield f"  {PLURALS.get(kind, kind + 's'):<12} " + ", ".join(parts)
        if not self.changed and not self.skipped:
            yield "Nothing changed since the last import."
        yield from section(
            "Skipped because of an error", [f"{label}: {reason}" for label, reason in self.skipped]
        )
        yield from section("Not imported", [f"{label}: {reason}" for label, reason in self.left_out])
        if self.other_types:
            yield "Other kinds of entry not imported: " + ", ".join(
                f"{count} {name}" for name, count in sorted(self.other_types.items())
            )
        if self.comments:
            yield f"Comments not imported: {self.comments}"
        yield from section("Media files missing", self.missing_media)
        yield from section("Images left out of bodies (not imported)", self.missing_images)
        if self.shortcodes:
            yield "Shortcodes removed: " + ", ".join(
                f"[{name}] × {n}" for name, n in sorted(self.shortcodes.items())
            )
        if self.removed:
            yield "Elements removed: " + ", ".join(
                f"<{name}> × {n}" for name, n in sorted(self.removed.items())
            )
        yield from section(
            "Links to the old site left as they were (target not in the export)", self.unresolved_links
        )
        yield from section(
            "“In brief” written from the first paragraph (please check)", self.generated_briefs
        )


def section(title, entries):
    if entries:
        yield f"{title} ({len(entries)}):"
        for entry in entries:
            yield f"  - {entry}"
