"""The Nu HTML Checker on the HTML of every page template and state: zero errors.

The pages are the ones the axe sweep visits, fetched as served (before any script runs) and checked
in one run of the checker. It needs Java and the `vnu-jar` npm package (`make vnu` installs it).
"""

import json
import shutil
import subprocess

from django.conf import settings
from django.test import Client

import pytest

from tests.realistic_site import SUGGESTION_FORM, build_realistic_site

VNU_JAR = settings.BASE_DIR / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def fetch_pages(home):
    """Every page's HTML as served, including the suggestion form re-rendered with its errors."""
    client = Client()
    pages = {}
    for name, path in build_realistic_site(home):
        response = client.get(path, HTTP_HOST="localhost")
        assert response.status_code == (404 if name == "not found" else 200), (name, response.status_code)
        pages[name] = response.content
    response = client.post(SUGGESTION_FORM, {"term": "", "definition": ""}, HTTP_HOST="localhost")
    assert response.status_code == 400
    pages["suggestion form with errors"] = response.content
    return pages


def test_every_page_is_valid_html(site_tree, tmp_path):
    java = shutil.which("java")
    if not java or not VNU_JAR.exists():
        pytest.fail("The HTML check needs Java and the vnu-jar npm package: run `make vnu`.")
    files = {}
    for number, (name, html) in enumerate(fetch_pages(site_tree).items()):
        path = tmp_path / f"{number:02d}.html"
        path.write_bytes(html)
        files[path.name] = name

    result = subprocess.run(  # noqa: S603 (fixed arguments, our own temporary files)
        [
            java,
            "-jar",
            str(VNU_JAR),
            "--errors-only",
            "--format",
            "json",
            *map(str, sorted(tmp_path.glob("*.html"))),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr)["messages"]
    errors = [
        f"{files.get(message.get('url', '').rsplit('/', 1)[-1])}, line {message.get('lastLine')}: {message['message']}"
        for message in messages
    ]
    assert errors == [], "\n".join(errors)
    assert result.returncode == 0
