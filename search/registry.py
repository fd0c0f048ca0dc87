"""The page types readers can search, with the filter key, labels and date each one shows.

Adding a page type to the site means adding a line here; a test fails until every
listable page type is registered.
"""

from dataclasses import dataclass
from functools import cached_property

from django.apps import apps
from django.contrib.contenttypes.models import ContentType


@dataclass(frozen=True)
class SearchType:
    """One filterable kind of result: `key` appears in `?type=`, `label` on the filter."""

    key: str
    label: str
    singular: str
    model_labels: tuple[str, ...]
    summary_attr: str = "in_brief"
    date_attr: str | None = None

    @cached_property
    def models(self):
        return [apps.get_model(label) for label in self.model_labels]

    @property
    def content_type_ids(self):
        # Django caches content types per process, so this costs a query only once.
        return [ContentType.objects.get_for_model(model).pk for model in self.models]


SEARCH_TYPES = (
    SearchType("posts", "Posts", "Post", ("blog.BlogPage",), date_attr="date"),
    SearchType("convenings", "Convenings", "Convening", ("events.EventPage",), date_attr="start"),
    SearchType("stories", "Stories", "Story", ("casestudies.CaseStudyPage",)),
    SearchType("glossary", "Glossary", "Glossary term", ("glossary.GlossaryTermPage",), "short_definition"),
    SearchType(
        "pages",
        "Pages",
        "Page",
        (
            "core.StandardPage",
            "blog.BlogIndexPage",
            "casestudies.CaseMakerPage",
            "casestudies.CaseMakerSectionPage",
            "map.MapPage",
            "heatmap.HeatmapPage",
        ),
    ),
)
SEARCH_TYPES_BY_KEY = {search_type.key: search_type for search_type in SEARCH_TYPES}


def search_type_for_content_type_id(content_type_id):
    """The registered type whose model has this content type, or None for unlisted page types."""
    for search_type in SEARCH_TYPES:
        if content_type_id in search_type.content_type_ids:
            return search_type
    return None


def searchable_content_type_ids():
    return [pk for search_type in SEARCH_TYPES for pk in search_type.content_type_ids]
