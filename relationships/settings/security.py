"""Cookies, security headers, sign-in lockouts, rate-limit addresses and the Content Security Policy."""

import os

from csp.constants import NONCE, NONE, SELF

from .environment import env_list

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# Wagtail's admin reads the token from the page, never from the cookie.
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
# A form sent without its token gets the site's own 403 page (a page that takes no form, its 405).
CSRF_FAILURE_VIEW = "core.views.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
    )
)
# How many reverse proxies in front of the site append to X-Forwarded-For (0: the header is ignored).
# Rate limits and login lockouts count per reader address, read in core.client_address.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
# django-ratelimit counts in the default cache: Redis, shared by every worker, when REDIS_URL is set.
RATELIMIT_IP_META_KEY = "core.client_address.client_address"
RATELIMIT_USE_CACHE = "default"
# django-axes: a handful of failed sign-ins for one username from one address locks that pair out
# for a while (see docs/operations.md to unlock someone sooner); other users and addresses can still
# sign in, and password resets are unaffected.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "core.client_address.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "axes/lockout.html"
AXES_DISABLE_ACCESS_LOG = True  # no row per successful sign-in; failures expire with the cool-off
SECURITY_CONTACT = os.environ.get("SECURITY_CONTACT", "mailto:hello@relationshipsproject.org")

# Content Security Policy. Inline scripts need nonce="{{ request.csp_nonce }}".
# The inline <style> of 500.html is allowed by its hash (tests check it still matches).
ERROR_PAGE_STYLE_HASH = "'sha256-9+SP86mxXJC4rujxsz0MZzfP+C1EdcNR5ujukbzgCM0='"
# Media from S3 or a CDN is allowed by origin, e.g. CSP_MEDIA_ORIGINS=https://media.example.org
MEDIA_ORIGINS = env_list("CSP_MEDIA_ORIGINS")
if os.environ.get("AWS_S3_CUSTOM_DOMAIN"):
    MEDIA_ORIGINS.append(f"https://{os.environ['AWS_S3_CUSTOM_DOMAIN']}")
# Video players that editors embed with the embed block.
EMBED_FRAME_ORIGINS = [
    "https://www.youtube-nocookie.com",
    "https://www.youtube.com",
    "https://player.vimeo.com",
]
CSP_REPORT_PATH = "/csp-report/"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, ERROR_PAGE_STYLE_HASH],
        "img-src": [SELF, "data:", *MEDIA_ORIGINS],
        "media-src": [SELF, *MEDIA_ORIGINS],
        "frame-src": EMBED_FRAME_ORIGINS,
        "object-src": [NONE],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "report-uri": [CSP_REPORT_PATH],
        "report-to": "csp",
    }
}
# Wagtail's admin ships inline scripts and styles and frames its own previews (see core.middleware).
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, "'unsafe-inline'"],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:", *MEDIA_ORIGINS],
        "media-src": [SELF, *MEDIA_ORIGINS],
        "connect-src": [SELF, "https://releases.wagtail.org"],
        "frame-src": [SELF, *EMBED_FRAME_ORIGINS],
        "object-src": [NONE],
        "frame-ancestors": [SELF],
        "base-uri": [SELF],
        "form-action": [SELF],
        "report-uri": [CSP_REPORT_PATH],
        "report-to": "csp",
    }
}
