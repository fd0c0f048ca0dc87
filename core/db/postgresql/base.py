"""Django's PostgreSQL backend, failing at once while the server was just found unreachable.

A sync worker that waits out the connect timeout on every request serves one request per timeout,
so under load a hung database would queue readers for many timeouts. After a failed connection
this process answers "unreachable" straight away for DATABASE_RETRY_SECONDS, then tries again, so
the site keeps answering its 503 page quickly and recovers by itself within that pause.
"""

import threading
import time

from django.conf import settings
from django.db.backends.postgresql import base
from django.db.utils import OperationalError

# When each server (host, port) may next be tried, shared by every connection of the process.
_retry_at = {}
_lock = threading.Lock()


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params):
        server = (self.settings_dict["HOST"], self.settings_dict["PORT"])
        with _lock:
            retry_at = _retry_at.get(server, 0.0)
        if time.monotonic() < retry_at:
            raise OperationalError("the database was unreachable a moment ago; not retrying yet")
        try:
            return super().get_new_connection(conn_params)
        except self.Database.OperationalError:
            with _lock:
                _retry_at[server] = time.monotonic() + settings.DATABASE_RETRY_SECONDS
            raise
