"""Share links: a way to show a draft to someone without an account, revocable at any time."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import models
from django.urls import reverse

from core.fields import optional_link

SHARE_SALT = "editorial.share-draft"
SHARE_MAX_AGE = 7 * 24 * 60 * 60  # a week, in seconds


def new_nonce():
    return secrets.token_urlsafe(16)


class IssuedAtSigner(signing.TimestampSigner):
    """Signs with the link's creation time, so the same link always has the same token and age."""

    def __init__(self, issued_at):
        super().__init__(salt=SHARE_SALT)
        self.issued_at = issued_at

    def timestamp(self):
        return signing.b62_encode(int(self.issued_at.timestamp()))


class ShareLink(models.Model):
    """One signed link to a page's latest draft; the signature carries the expiry, this row the revocation."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="share_links")
    nonce = models.CharField(max_length=32, unique=True, default=new_nonce, editable=False)
    note = models.CharField(
        "shared with",
        max_length=120,
        blank=True,
        help_text="Who the link is for, e.g. 'Story subject: Jo at Leeds Library'. Only editors see this.",
    )
    created_by = optional_link(settings.AUTH_USER_MODEL)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Share link for {self.page.title}"

    def get_absolute_url(self):
        return reverse("editorial_shared_draft", args=[self.token])

    @property
    def expires_at(self):
        return self.created_at + timedelta(seconds=SHARE_MAX_AGE)

    @property
    def token(self):
        return IssuedAtSigner(self.created_at).sign(self.nonce)

    @classmethod
    def from_token(cls, token):
        """The unrevoked link a token names, or None when it is forged, expired or revoked."""
        try:
            nonce = signing.TimestampSigner(salt=SHARE_SALT).unsign(token, max_age=SHARE_MAX_AGE)
        except signing.BadSignature:
            return None
        return cls.objects.select_related("page").filter(nonce=nonce, revoked_at__isnull=True).first()


def restriction_reason(page):
    """Why a page may not be shared, or "": a link would hand a restricted section to anyone who has it."""
    for restriction in page.get_view_restrictions():
        if restriction.restriction_type == restriction.PASSWORD:
            return "it is in a section protected by a password"
        if restriction.restriction_type == restriction.GROUPS:
            return "it is in a section only some groups may see"
        return "it is in a section only people who log in may see"
    return ""
