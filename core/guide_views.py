"""The admin's Help screen: the editor guide, and the screenshots it shows."""

import re

from django.http import FileResponse, Http404
from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe

from .guide import SCREENSHOTS_DIR, render_guide

SCREENSHOT_NAME = re.compile(r"[a-z0-9-]+\.png")


@require_safe
def guide(request):
    toc, body = render_guide()
    return TemplateResponse(
        request,
        "core/guide.html",
        {
            "toc": toc,
            "body": body,
            "header_title": "Editor guide",
            "page_title": "Editor guide",
            "header_icon": "help",
        },
    )


@require_safe
def guide_screenshot(request, name):
    """One picture from docs/guide/, by a plain file name only (no way out of that folder)."""
    path = SCREENSHOTS_DIR / name
    if not SCREENSHOT_NAME.fullmatch(name) or not path.is_file():
        raise Http404
    return FileResponse(path.open("rb"), content_type="image/png")
