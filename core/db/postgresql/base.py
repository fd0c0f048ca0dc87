"""Django's PostgreSQL backend with every wait on the server bounded, so that a database that stops
answering costs a request seconds, never a worker.

libpq's connect timeout bounds a new connection and the server's statement timeout a slow query, but
on a connection already open, psycopg waits for an answer without limit: a server that stops
answering (a stopped process, a paused machine, a stuck pooler) still has its kernel acknowledge
every byte sent, so no TCP timeout fires either, and the sync worker hangs until gunicorn kills it.
Here every exchange on an open connection is given up after OPTIONS["answer_timeout"] seconds
(a little longer than the statement timeout, so the server cancels a slow query first), and the
check Django makes before reusing a connection after the connect timeout; the connection is then
closed.

After a failed connection or an exchange given up, this process answers "unreachable" straight away
for DATABASE_RETRY_SECONDS, then tries again, so a worker keeps answering its 503 page quickly
instead of queueing readers a timeout each, and the site recovers by itself within that pause.
"""

import threading
import time

from django.conf import settings
from django.db.backends.postgresql import base
from django.db.utils import OperationalError

import psycopg
from psycopg import errors

# When each server (host, port) may next be tried, shared by every connection of the process.
_retry_at = {}
_lock = threading.Lock()


def pause_new_connections(server):
    with _lock:
        _retry_at[server] = time.monotonic() + settings.DATABASE_RETRY_SECONDS


class AnsweringConnection(psycopg.Connection):
    """psycopg's connection, closed when the server leaves an exchange unanswered for
    `answer_timeout` seconds."""

    answer_timeout = None
    server = None

    def wait(self, gen, *args, timeout=None, **kwargs):
        seconds = self.answer_timeout if timeout is None else timeout
        try:
            return super().wait(gen, *args, timeout=seconds, **kwargs)
        except errors._WaitTimeout:  # psycopg's own signal that the deadline passed
            self.close()
            pause_new_connections(self.server)
            raise errors.OperationalError(
                f"the database did not answer within {seconds} s; connection closed"
            ) from None


class DatabaseWrapper(base.DatabaseWrapper):
    def get_connection_params(self):
        params = super().get_connection_params()
        params.pop("answer_timeout", None)  # ours, not libpq's
        return params

    def get_new_connection(self, conn_params):
        server = (self.settings_dict["HOST"], self.settings_dict["PORT"])
        with _lock:
            retry_at = _retry_at.get(server, 0.0)
        if time.monotonic() < retry_at:
            raise OperationalError("the database was unreachable a moment ago; not retrying yet")
        try:
            connection = super().get_new_connection(conn_params)
        except self.Database.OperationalError:
            pause_new_connections(server)
            raise
        # Django opens connections with psycopg.connect and has no setting for their class; the
        # subclass only adds the deadline.
        connection.__class__ = AnsweringConnection
        # Without the option (an engine set up by hand), psycopg waits as it always has.
        connection.answer_timeout = self.settings_dict["OPTIONS"].get("answer_timeout")
        connection.server = server
        return connection

    def is_usable(self):
        """Django's check before reusing a connection is a bare SELECT 1, which a live server answers
        at once: it may take no longer than a new connection would, so that /health/ reports a
        frozen server within the connect timeout."""
        if self.connection is None:
            return False
        usual = self.connection.answer_timeout
        self.connection.answer_timeout = self.settings_dict["OPTIONS"]["connect_timeout"]
        try:
            return super().is_usable()
        finally:
            self.connection.answer_timeout = usual
