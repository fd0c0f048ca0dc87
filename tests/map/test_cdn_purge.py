"""With a CDN configured, approving or removing an entry asks it to drop the map's own addresses
(a real HTTP server on loopback receives the PURGE requests)."""

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

from django.test import override_settings

from map import moderation
from map.models import Status
from tests.base import SiteTestCase
from tests.factories.map import MapEntryFactory, MapPageFactory


class PurgeRecorder(BaseHTTPRequestHandler):
    purged = []

    def do_PURGE(self):  # noqa: N802 - the HTTP method's name
        PurgeRecorder.purged.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


class CDNPurgeTests(SiteTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.server = HTTPServer(("127.0.0.1", 0), PurgeRecorder)
        threading.Thread(target=cls.server.serve_forever, daemon=True).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()
        cls.server.server_close()
        super().tearDownClass()

    def test_approval_and_removal_purge_the_map_its_entry_and_feeds(self):
        MapPageFactory(parent=self.home)
        entry = MapEntryFactory(status=Status.PENDING)
        location = f"http://127.0.0.1:{self.server.server_port}"
        backends = {
            "http": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": location}
        }
        with override_settings(WAGTAILFRONTENDCACHE=backends):
            PurgeRecorder.purged.clear()
            entry.save()
            self.assertEqual(PurgeRecorder.purged, [])
            entry.status = Status.APPROVED
            entry.save()
            for path in ("/map/", f"/map/entries/{entry.pk}/", "/map/feed/", "/map/open-data/csv/", "/"):
                self.assertIn(path, PurgeRecorder.purged)
            PurgeRecorder.purged.clear()
            pk = entry.pk
            moderation.remove(entry, by="owner")
            self.assertIn(f"/map/entries/{pk}/", PurgeRecorder.purged)
