"""The database connection, with every wait bounded so that a hung or unreachable database fails
fast (the site then answers 503, see core.views.server_error) instead of holding workers.

A web request waits at most DB_CONNECT_TIMEOUT seconds to connect and DB_STATEMENT_TIMEOUT for a
statement or, on SQLite, a lock; on PostgreSQL a second more for any answer at all on an open
connection, and no longer than the connect timeout for the check before a kept connection is reused.
Management commands (migrations, imports, reindexing) run through manage.py and may wait
DB_COMMAND_STATEMENT_TIMEOUT instead. After a failed connection or an unanswered one, each process
stops trying for DATABASE_RETRY_SECONDS (see core.db.postgresql).
"""

import os
import sys
from pathlib import Path

import dj_database_url

RUNNING_COMMAND = Path(sys.argv[0]).name == "manage.py" and sys.argv[1:2] != ["runserver"]


def database_settings(url, command=RUNNING_COMMAND):
    """Django's DATABASES["default"] for `url`, with the timeouts from the environment."""
    connect_timeout = int(os.environ.get("DB_CONNECT_TIMEOUT", "4"))
    statement_timeout = float(
        os.environ.get("DB_COMMAND_STATEMENT_TIMEOUT", "600")
        if command
        else os.environ.get("DB_STATEMENT_TIMEOUT", "10")
    )
    database = dj_database_url.parse(
        url, conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")), conn_health_checks=True
    )
    if database["ENGINE"] == "django.db.backends.sqlite3":
        # WAL lets readers continue while an editor saves; IMMEDIATE takes the write lock up front
        # so concurrent saves queue (for at most the busy timeout) instead of failing with "locked".
        database["CONN_MAX_AGE"] = 0
        database["OPTIONS"] = {
            "transaction_mode": "IMMEDIATE",
            "timeout": statement_timeout,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
        return database
    # Fails at once for a moment after a failed connection, and gives up on an open connection the
    # server leaves unanswered (see the backend).
    database["ENGINE"] = "core.db.postgresql"
    database.setdefault("OPTIONS", {}).update(
        # libpq's connect timeout covers the whole start-up, so a port that accepts and never
        # answers fails as fast as a closed one; a query the server runs too long (a locked table)
        # is cancelled by the server itself; a server that stops answering altogether is given up
        # by the backend a second later. JIT compilation is off: the site's queries are short, and
        # a page query joining every page type's table, on tables not yet analysed, is estimated
        # costly enough that PostgreSQL spent seconds compiling a plan that runs in a millisecond.
        connect_timeout=connect_timeout,
        options=f"-c statement_timeout={int(statement_timeout * 1000)} -c jit=off",
        answer_timeout=statement_timeout + 1,
    )
    return database
