"""Blog: news and thoughts from the field, with archives, series and newsletter-grade feeds."""

from .index import FEATURED_LIMIT, POSTS_PER_PAGE, BlogIndexPage
from .posts import (
    RELATED_LIMIT,
    WORDS_PER_MINUTE,
    BlogPage,
    BlogPageAuthor,
    BlogPageForm,
    BlogPageQuerySet,
    BlogPageRelatedPost,
    BlogPageTag,
    card_authors,
    series_order,
)
from .snippets import ArchiveSnippet, Category, Series

__all__ = [
    "ArchiveSnippet",
    "BlogIndexPage",
    "BlogPage",
    "BlogPageAuthor",
    "BlogPageForm",
    "BlogPageQuerySet",
    "BlogPageRelatedPost",
    "BlogPageTag",
    "Category",
    "FEATURED_LIMIT",
    "POSTS_PER_PAGE",
    "RELATED_LIMIT",
    "Series",
    "WORDS_PER_MINUTE",
    "card_authors",
    "series_order",
]
