"""What the map's tests share: a valid submission and reading the signed links out of emails."""

import re

from django.core import mail

JOIN_URL = "/map/join/"
LINK = re.compile(r"http://[^/\s]+/map/(confirm|manage)/([\w-]+)/")


def valid_submission(**changes):
    data = {
        "name": "Kettle Street Neighbours",
        "kind": "network",
        "description": "We bring neighbours together over tea.",
        "themes": [],
        "region": "north-west",
        "town": "Bolton",
        "scale": "local",
        "needs": ["collaborators"],
        "website": "https://kettle-street.example.org/",
        "public_contact": "hello@kettle-street.example.org",
        "public_fields": ["description", "town", "needs"],
        "allow_indexing": "on",
        "email": "organiser@example.org",
        "agree_privacy": "on",
        "homepage": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def links_in(message):
    """{purpose: path} of the signed links in an email."""
    return {purpose: f"/map/{purpose}/{token}/" for purpose, token in LINK.findall(message.body)}


def last_links():
    return links_in(mail.outbox[-1])
