"""The Nu HTML Checker, run once over many pages: each sweep hands it {name: HTML as served}.

It needs Java and the `vnu-jar` npm package (`make vnu` installs it); missing either is a failure.
"""

import json
import shutil
import subprocess

from django.conf import settings

import pytest

VNU_JAR = settings.BASE_DIR / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def assert_valid_html(pages, tmp_path):
    """Every page of `pages` has no Nu checker error; the failure names the page and the line."""
    java = shutil.which("java")
    if not java or not VNU_JAR.exists():
        pytest.fail("The HTML check needs Java and the vnu-jar npm package: run `make vnu`.")
    files = {}
    for number, (name, html) in enumerate(pages.items()):
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
    errors = [
        f"{files.get(message.get('url', '').rsplit('/', 1)[-1])}, line {message.get('lastLine')}: {message['message']}"
        for message in json.loads(result.stderr)["messages"]
    ]
    assert errors == [], "\n".join(errors)
    assert result.returncode == 0
