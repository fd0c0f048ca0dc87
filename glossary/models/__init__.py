"""The glossary of relational terms and phrases."""

from .groups import GlossaryGroup
from .index import (
    SUGGESTION_LIMIT,
    SUGGESTION_MAX_BYTES,
    SUGGESTION_MAX_FIELDS,
    GlossaryIndexPage,
    Section,
    over_rate_limit,
    sections_by_group,
    sections_by_letter,
)
from .suggestions import GlossarySuggestion
from .terms import USAGE_LABELS, GlossaryRelatedTerm, GlossaryTermPage, usage_label

__all__ = [
    "GlossaryGroup",
    "GlossaryIndexPage",
    "GlossaryRelatedTerm",
    "GlossarySuggestion",
    "GlossaryTermPage",
    "SUGGESTION_LIMIT",
    "SUGGESTION_MAX_BYTES",
    "SUGGESTION_MAX_FIELDS",
    "Section",
    "USAGE_LABELS",
    "over_rate_limit",
    "sections_by_group",
    "sections_by_letter",
    "usage_label",
]
