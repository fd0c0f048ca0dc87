"""Old WordPress addresses of the form `/?p=123` and `/?page_id=45`.

Wagtail's redirects are only looked up when a page is not found, but `/` is the home page, so a
redirect from `/?p=123` would never be reached. This looks those few addresses up in Wagtail's
redirects first; any other request passes straight through.
"""

from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect

from wagtail.contrib.redirects.middleware import get_redirect
from wagtail.contrib.redirects.models import Redirect

WORDPRESS_QUERY_IDS = ("p", "page_id")


class WordPressQueryRedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/" and request.method in ("GET", "HEAD"):
            # Only the WordPress ID counts: links shared with tracking tags (?p=123&utm_source=…) still go.
            name = next((name for name in WORDPRESS_QUERY_IDS if request.GET.get(name, "").isdigit()), None)
            if name is not None:
                old_path = Redirect.normalise_path(f"/?{name}={int(request.GET[name])}")
                redirect = get_redirect(request, old_path)
                if redirect is not None and redirect.link:
                    response_class = (
                        HttpResponsePermanentRedirect if redirect.is_permanent else HttpResponseRedirect
                    )
                    return response_class(redirect.link)
        return self.get_response(request)
