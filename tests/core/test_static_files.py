"""Static files as production serves them: hashed names, brotli and gzip variants, cached for good.

The project's static files are collected into a temporary STATIC_ROOT with the storage the
production settings use, then requested through the whole middleware stack, where WhiteNoise
answers. (The test settings otherwise use plain storage, so tests need no collectstatic.)
"""

import re
import shutil
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

import brotli

from relationships.settings import base
from tests.base import SiteTestCase

ONE_YEAR = 365 * 24 * 60 * 60


class CollectedStaticTests(SiteTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.root = Path(tempfile.mkdtemp(prefix="relationships-static-"))
        cls.addClassCleanup(shutil.rmtree, cls.root)
        cls.enterClassContext(
            override_settings(
                STATIC_ROOT=cls.root,
                STORAGES={**settings.STORAGES, "staticfiles": base.STORAGES["staticfiles"]},
                # The project's own files only: the apps' (Wagtail's admin) would add a minute.
                STATICFILES_FINDERS=["django.contrib.staticfiles.finders.FileSystemFinder"],
                WHITENOISE_AUTOREFRESH=False,
                WHITENOISE_USE_FINDERS=False,
            )
        )
        call_command("collectstatic", interactive=False, verbosity=0)

    def test_production_uses_whitenoise_compressed_manifest_storage(self):
        self.assertEqual(
            base.STORAGES["staticfiles"]["BACKEND"], "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )

    def test_pages_link_hashed_files_and_scripts_and_styles_have_brotli_and_gzip_variants(self):
        html = self.client.get("/").content.decode()
        assets = re.findall(r'(?:href|src)="/static/([^"]+)"', html)
        unhashed = [re.sub(r"\.[0-9a-f]{12}(\.\w+)$", r"\1", asset) for asset in assets]
        self.assertEqual(sorted(unhashed), ["css/site.css", "images/favicon.svg", "js/site.js"])
        for asset in assets:
            with self.subTest(asset=asset):
                self.assertNotIn(asset, unhashed)
                self.assertTrue((self.root / asset).is_file())
                if asset.endswith((".css", ".js")):
                    self.assertTrue((self.root / f"{asset}.br").is_file())
                    self.assertTrue((self.root / f"{asset}.gz").is_file())

    def test_a_hashed_file_is_served_immutable_and_brotli_compressed(self):
        css = next((self.root / "css").glob("site.????????????.css"))
        response = self.client.get(
            f"/static/css/{css.name}", headers={"accept-encoding": "gzip, deflate, br"}
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Encoding"], "br")
        self.assertIn("Accept-Encoding", response["Vary"])
        self.assertEqual(response["Content-Type"], 'text/css; charset="utf-8"')
        directives = [directive.strip() for directive in response["Cache-Control"].split(",")]
        self.assertIn("public", directives)
        self.assertIn("immutable", directives)
        max_age = int(next(d for d in directives if d.startswith("max-age=")).removeprefix("max-age="))
        self.assertGreaterEqual(max_age, ONE_YEAR)
        body = brotli.decompress(b"".join(response.streaming_content))
        self.assertEqual(body, css.read_bytes())
        self.assertLess(int(response["Content-Length"]), css.stat().st_size / 3)

    def test_a_plain_name_is_cached_for_an_hour_only(self):
        response = self.client.get("/static/css/site.css")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Cache-Control"], "max-age=3600, public")

    def test_a_client_without_brotli_gets_gzip(self):
        css = next((self.root / "css").glob("site.????????????.css"))
        response = self.client.get(f"/static/css/{css.name}", headers={"accept-encoding": "gzip"})
        self.assertEqual(response["Content-Encoding"], "gzip")
