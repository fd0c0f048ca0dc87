"""One save of a page at a time, so an autosave still in flight can never undo a Publish.

Wagtail refuses an autosave made against an older revision, but it checks before it writes: an
autosave that read the page just before a Publish committed could then write the page back as a
draft. Holding a lock for the whole save makes the later request see the earlier one's result: the
page's row on PostgreSQL; on SQLite, whose transactions begin IMMEDIATE (see the database settings),
the write lock, so that saves from every worker queue one after another.
"""

import re

from django.db import transaction

from wagtail.models import Page

PAGE_SAVE = re.compile(r"^/admin/pages/(\d+)/edit/$")


class SerialPageSavesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        match = PAGE_SAVE.match(request.path_info)
        if request.method != "POST" or match is None:
            return self.get_response(request)
        with transaction.atomic():
            list(Page.objects.select_for_update().filter(pk=int(match.group(1))).values_list("pk", flat=True))
            return self.get_response(request)
