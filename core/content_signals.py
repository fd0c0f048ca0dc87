"""Signals for changes to public content that Wagtail's own signals do not see.

Pages created live by an import skip `page_published`, and a Relationships Map entry is neither a
page nor a snippet. Code that changes public content that way sends `content_changed`; the page
cache listens to it, so nothing outside the cache needs to know how cached pages are retired.
"""

from django.dispatch import Signal

# Arguments: `pages` (pages whose addresses a CDN should drop, with the pages that list them) and
# `urls` (further absolute addresses to drop), both optional.
content_changed = Signal()
