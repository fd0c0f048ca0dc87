"""The reader's network address, for rate limits (django-ratelimit's `key="ip"`) and login lockouts
(django-axes), which both read it from here.

Behind reverse proxies REMOTE_ADDR is the nearest proxy's, the same for every reader; each proxy
appends the address it was connected from to X-Forwarded-For. With TRUSTED_PROXY_COUNT proxies in
front of the site, the entry the outermost of them wrote is the reader's; anything to its left came
from the reader and may be forged. With no trusted proxies the header is ignored altogether.
"""

import ipaddress

from django.conf import settings


def client_address(request):
    """The address of the client as the outermost trusted proxy saw it, or REMOTE_ADDR."""
    remote = request.META.get("REMOTE_ADDR") or "0.0.0.0"  # noqa: S104 - a key, never bound
    trusted = settings.TRUSTED_PROXY_COUNT
    if trusted <= 0:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if len(hops) < trusted or not hops[-trusted]:
        return remote  # not sent through every trusted proxy
    try:
        return str(ipaddress.ip_address(hops[-trusted]))
    except ValueError:
        return remote
