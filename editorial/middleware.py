"""One save of a page at a time, so an autosave still in flight can never undo a Publish.

Wagtail refuses an autosave made against an older revision, but it checks before it writes: an
autosave that read the page just before a Publish committed could then write the page back as a
draft. Holding a lock for the whole save makes the later request see the earlier one's result: the
page's row on PostgreSQL; on SQLite, whose transactions begin IMMEDIATE (see the database settings),
the write lock, so that saves from every worker queue one after another.

A new page is saved the same way under its parent's lock. Its first autosave creates it as a draft,
and a Publish clicked before that answer came back posts the add form again: taken one after the
other, the second is told on the form that the address is in use, where both at once passed the
form's check and the second failed in `save()` with a server error.
"""

import re

from django.db import transaction

from wagtail.models import Page

from core.url_parts import parse_int

# The page saved, or the parent a new page is added under.
PAGE_SAVE = re.compile(r"^/admin/pages/(?:(\d+)/edit|add/\w+/\w+/(\d+))/$")


class SerialPageSavesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        match = PAGE_SAVE.match(request.path_info)
        if request.method != "POST" or match is None:
            return self.get_response(request)
        with transaction.atomic():
            # An id past what the database holds locks nothing, and Wagtail's view answers it.
            locked = parse_int(match.group(1) or match.group(2))
            list(Page.objects.select_for_update().filter(pk=locked).values_list("pk", flat=True))
            return self.get_response(request)
