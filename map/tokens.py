"""Signed links that let a submitter confirm, edit or remove their entry without an account.

Each purpose has its own salt, so a link made to confirm an address cannot be replayed to remove an
entry; each carries the entry's random secret, so a link outlives neither the entry nor a new secret.
"""

import base64
import binascii
from datetime import timedelta

from django.core import signing

CONFIRM = "map.entry.confirm"
MANAGE = "map.entry.manage"
MAX_AGE = {
    CONFIRM: timedelta(days=7),
    # Long enough to come back to an entry after a moderator's reply; every email carries a fresh one.
    MANAGE: timedelta(days=60),
}


def make_token(entry, purpose):
    """The signed value, base64-encoded again: page routes take letters, digits, - and _ only."""
    signed = signing.TimestampSigner(salt=purpose).sign(f"{entry.pk}.{entry.secret}")
    return base64.urlsafe_b64encode(signed.encode()).decode().rstrip("=")


def read_token(token, purpose):
    """The entry's (pk, secret) the token names, or None if it is forged, expired or for another purpose."""
    try:
        signed = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
        value = signing.TimestampSigner(salt=purpose).unsign(signed, max_age=MAX_AGE[purpose])
    except (binascii.Error, UnicodeDecodeError, ValueError, signing.BadSignature):
        # SignatureExpired is a BadSignature too.
        return None
    pk, _, secret = value.partition(".")
    if not pk.isdigit() or not secret:
        return None
    return int(pk), secret
