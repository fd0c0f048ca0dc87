"""Private links: long random tokens given to the visitor once and stored only as their SHA-256.

A copy of the database therefore holds no working links, and a guessed or altered token matches
nothing (2^144 possibilities per token).
"""

import hashlib
import re
import secrets

TOKEN_BYTES = 18
TOKEN_PATTERN = re.compile(r"^[A-Za-z0-9_-]{24}$")


def new_token():
    """(token for the link, hash to store)."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    return token, digest(token)


def digest(token):
    return hashlib.sha256(token.encode()).hexdigest()


def well_formed(token):
    return bool(TOKEN_PATTERN.match(token or ""))
