"""What one request has already looked up while rendering, so a render asks the database once.

Rich-text bodies are expanded one field at a time (a feed expands twenty), and each expansion
would look up its linked pages and glossary terms, and the site's root paths for every URL it
builds, on its own. The middleware keeps the current request and an empty memo for the length of
one request; outside a request (commands, tests calling the helpers directly) nothing is kept.
"""

from contextvars import ContextVar

from .listings import SOCIAL_IMAGE_SPEC

_request = ContextVar("render_request", default=None)
_memo = ContextVar("render_memo", default=None)


class RenderMemoMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_token = _request.set(request)
        memo_token = _memo.set({})
        try:
            return self.get_response(request)
        finally:
            _memo.reset(memo_token)
            _request.reset(request_token)


def current_request():
    """The request being rendered, passed to Wagtail's `get_url(request=...)` so that the site's
    root paths are read once per request rather than once per URL."""
    return _request.get()


def memoised(kind, keys, load):
    """{key: value} for `keys`; `load(missing keys)` returns a dict and is called only for the keys
    this request has not loaded yet under `kind` (a key `load` leaves out is remembered as None)."""
    keys = set(keys)
    memo = _memo.get()
    if memo is None:
        return load(keys) if keys else {}
    known = memo.setdefault(kind, {})
    missing = keys - known.keys()
    if missing:
        loaded = load(missing)
        known.update({key: loaded.get(key) for key in missing})
    return {key: known[key] for key in keys}


def forget(kind):
    """Drop what this request has loaded under `kind`, after a change to it in the same request."""
    memo = _memo.get()
    if memo is not None:
        memo.pop(kind, None)


def social_rendition(image):
    """`image` at sharing size, fetched once per request (a page's meta tags and its structured
    data both show it), or None when its original file is gone from media storage."""

    def load(ids):
        try:
            return {image.pk: image.get_rendition(SOCIAL_IMAGE_SPEC)}
        except OSError:  # Wagtail's SourceImageIOError
            return {}

    return memoised("social renditions", {image.pk}, load)[image.pk]
