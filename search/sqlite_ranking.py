"""Title-first `bm25()` ranking for Wagtail's SQLite FTS5 search backend (see backends.py)."""

from modelsearch.backends.database.sqlite.query import BM25
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)

# FTS5 columns in the order Wagtail's migration declares them.
FTS_COLUMNS = ("autocomplete", "body", "title")
# bm25() saturates, so no single column weight can keep a long page with the words in its title
# above a short page repeating them in its body; a separate title score, scaled up, can.
TITLE_PRIORITY = 100


class WeightedBM25(BM25):
    def __init__(self, **weights):
        super().__init__()
        self.weights = [weights.get(column, 0) for column in FTS_COLUMNS]

    def as_sql(self, compiler, connection, function=None, template=None):
        weights = ", ".join(str(float(weight)) for weight in self.weights)
        return f"bm25({SQLiteFTSIndexEntry._meta.db_table}, {weights})", []


class TitleFirstSQLiteQueryCompiler(SQLiteSearchQueryCompiler):
    """Orders title matches before body-only matches, then by bm25() over title and body."""

    def _build_rank_expression(self, vectors, config):
        return WeightedBM25(title=1) * TITLE_PRIORITY + WeightedBM25(title=1, body=1)


def rank_titles_first(backend):
    # The fallback backend (SQLite built without FTS5) has no bm25() to weight.
    if isinstance(backend, SQLiteSearchBackend):
        backend.query_compiler_class = TitleFirstSQLiteQueryCompiler
