"""Turning whatever a reader typed into words the search backends accept, and highlighting them.

Backends are handed plain words only: quotes, operators and punctuation never reach
SQLite FTS5 or PostgreSQL's tsquery parser, so no input can make a query fail.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.utils.html import escape, format_html_join

MAX_QUERY_LENGTH = 200
WORD_RE = re.compile(r"\w+")
# Readers type these expecting search-engine syntax; searched for literally they would match nothing.
OPERATOR_WORDS = frozenset({"AND", "OR", "NOT"})
MIN_HIGHLIGHT_LENGTH = 2


@dataclass(frozen=True)
class SearchQuery:
    """A reader's query: `text` as shown back to them, `words` as sent to the backend."""

    text: str
    words: tuple[str, ...]
    truncated: bool

    @classmethod
    def parse(cls, raw):
        # Control characters (NUL included) become spaces: PostgreSQL rejects NUL in any string.
        cleaned = "".join(" " if unicodedata.category(char) == "Cc" else char for char in raw or "")
        cleaned = " ".join(cleaned.split())
        truncated = len(cleaned) > MAX_QUERY_LENGTH
        if truncated:
            cleaned = cleaned[:MAX_QUERY_LENGTH].rstrip()
        words = tuple(word for word in WORD_RE.findall(cleaned) if word not in OPERATOR_WORDS)
        return cls(text=cleaned, words=words, truncated=truncated)

    @property
    def terms(self):
        """The words joined for Wagtail's `.search()` and `.autocomplete()`."""
        return " ".join(self.words)

    def __bool__(self):
        return bool(self.words)


def normalise_words(text):
    """Lower-cased words, for comparing a query with a glossary term's names."""
    return tuple(word.casefold() for word in WORD_RE.findall(text))


def highlight(text, words):
    """`text` escaped, with words starting with any query word wrapped in <mark>.

    Matching runs on the raw text and every piece is escaped on its own, so a query word
    can never land inside an HTML entity and nothing from the text is ever trusted.
    """
    words = sorted({word for word in words if len(word) >= MIN_HIGHLIGHT_LENGTH}, key=len, reverse=True)
    if not text or not words:
        return escape(text or "")
    pattern = re.compile(r"\b(?:{})\w*".format("|".join(map(re.escape, words))), re.IGNORECASE)
    pieces = []
    position = 0
    for match in pattern.finditer(text):
        pieces.append((text[position : match.start()], match.group()))
        position = match.end()
    return format_html_join("", "{}<mark>{}</mark>", pieces) + escape(text[position:])
