"""Wagtail's database search backend, with title matches ranked first on SQLite too.

On PostgreSQL the database backend weights fields by their `boost`. On SQLite it ranks with
an unweighted `bm25()` multiplied by how short the title is, so a page with a short title
outranks one whose title actually contains the words. Ranking title matches first fixes
that; everything else is Wagtail's backend unchanged.
"""

from django.db import connection

from modelsearch.backends.database import SearchBackend as database_search_backend


def SearchBackend(params):  # noqa: N802 - Wagtail looks for this name in a backend module
    backend = database_search_backend(params)
    if connection.vendor == "sqlite":
        # Imported here: those modules only load when the default database is SQLite.
        from .sqlite_ranking import rank_titles_first

        rank_titles_first(backend)
    return backend
