"""One vocabulary: every page type and snippet is named with a label from docs/vocabulary.md."""

import re
from pathlib import Path

from django.conf import settings

from wagtail.models import get_page_models
from wagtail.snippets.models import get_snippet_models

import pytest

from glossary.models import GlossarySuggestion

DOCS = Path(settings.BASE_DIR) / "docs"


def vocabulary():
    """{label: (plural, [words not to use])} from the table in docs/vocabulary.md."""
    rows = {}
    for line in (DOCS / "vocabulary.md").read_text().splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 4 or cells[0] in {"Label", ""} or set(cells[0]) == {"-"}:
            continue
        label, plural, _meaning, instead = cells
        rows[label] = (plural, [word.strip() for word in instead.split(",") if word.strip()])
    return rows


def named_models():
    pages = [model for model in get_page_models() if model._meta.app_label != "wagtailcore"]
    return [*pages, *get_snippet_models(), GlossarySuggestion]


def test_the_vocabulary_file_has_rows():
    assert {"blog post", "convening", "story", "glossary term"} <= set(vocabulary())


@pytest.mark.parametrize("model", named_models(), ids=lambda model: model._meta.label)
def test_every_page_type_and_snippet_uses_an_allowed_label(model):
    rows = vocabulary()
    name = str(model._meta.verbose_name)
    assert name in rows, f"{model._meta.label} is called “{name}”, which docs/vocabulary.md does not allow"
    assert str(model._meta.verbose_name_plural) == rows[name][0]


def test_the_editor_guide_avoids_the_words_replaced():
    guide = (DOCS / "editor-guide.md").read_text().lower()
    for label, (_plural, instead) in vocabulary().items():
        for word in instead:
            found = re.search(rf"\b{re.escape(word.lower())}s?\b", guide)
            assert not found, f"The editor guide says “{word}”: call it “{label}”"
