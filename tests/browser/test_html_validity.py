"""The Nu HTML Checker on the HTML of every page template and state: zero errors.

The pages are the ones the axe sweep visits, fetched as served (before any script runs) and checked
in one run of the checker.
"""

from django.test import Client

from tests.browser.nu import assert_valid_html
from tests.realistic_site import SUGGESTION_FORM, build_realistic_site


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
    assert_valid_html(fetch_pages(site_tree), tmp_path)
