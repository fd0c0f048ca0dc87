"""What happens to an entry between the form and the map: confirmation, moderation, edits and removal.

Every step that changes what the public sees goes through here, so the audit log, the emails and
the moderation state stay in step. The page cache follows through the entry's signals.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from wagtail.log_actions import log

from .forms import apply_changes, set_themes
from .models.entries import MapEntry, Status
from .tokens import CONFIRM, MANAGE, MAX_AGE, make_token

APPROVE = "approve"
REQUEST_CHANGES = "request_changes"
REJECT = "reject"
DECISIONS = [
    (APPROVE, "Approve"),
    (REQUEST_CHANGES, "Request changes"),
    (REJECT, "Reject"),
]


def link(map_page, route, entry, purpose):
    token = make_token(entry, purpose)
    return map_page.full_url + map_page.reverse_subpage(route, kwargs={"token": token})


def send(entry, map_page, template, subject, **context):
    """One email to the submitter; every one carries a fresh link to edit or remove the entry."""
    context.update(entry=entry, manage_url=link(map_page, "manage", entry, MANAGE), map_page=map_page)
    body = render_to_string(f"map/email/{template}.txt", context)
    send_mail(f"{subject} | The Relationships Map", body, settings.DEFAULT_FROM_EMAIL, [entry.email])


def submitted(entry, map_page):
    """A new entry: flag likely duplicates for the moderator and ask the submitter to confirm."""
    if entry.likely_duplicates().exists():
        entry.possible_duplicate = True
        entry.save(update_fields=["possible_duplicate"])
    send(
        entry,
        map_page,
        "confirm",
        "Please confirm your email address",
        confirm_url=link(map_page, "confirm", entry, CONFIRM),
    )


def confirm(entry):
    """The address is confirmed: the entry joins the moderation queue (a second click changes nothing)."""
    if entry.status == Status.UNCONFIRMED:
        entry.status = Status.PENDING
        entry.save(update_fields=["status"])
        log(entry, "map.confirm")


def submit_edit(entry, form):
    """An edit by the submitter. A public entry stays as approved until a moderator approves the edit."""
    with transaction.atomic():
        if entry.is_public:
            entry.pending_changes = form.changes()
            entry.save(update_fields=["pending_changes", "has_pending_changes"])
        else:
            apply_changes(entry, form.changes())
            if entry.status in (Status.CHANGES_REQUESTED, Status.REJECTED):
                entry.status = Status.PENDING
                entry.save(update_fields=["status"])
        log(entry, "map.edit")


def decide(entry, decision, message, map_page, user):
    """A moderator's decision; the submitter is emailed with the message. Returns what was decided on."""
    editing = entry.is_public and entry.has_pending_changes
    with transaction.atomic():
        if decision == APPROVE:
            if editing:
                changes = entry.pending_changes
                apply_changes(entry, changes, save=False)
            else:
                entry.status = Status.APPROVED
                entry.approved_at = timezone.now()
        elif not editing:
            entry.status = Status.CHANGES_REQUESTED if decision == REQUEST_CHANGES else Status.REJECTED
        entry.pending_changes = None
        entry.moderator_message = message
        entry.save()
        if decision == APPROVE and editing:
            set_themes(entry, changes)
        log(entry, f"map.{decision}", user=user, data={"edit": editing})
    subjects = {
        APPROVE: "Your entry is on the map" if not editing else "Your changes are on the map",
        REQUEST_CHANGES: "Please change your entry",
        REJECT: "We cannot add your entry" if not editing else "We cannot make your changes",
    }
    send(entry, map_page, decision, subjects[decision], message=message, editing=editing)
    return "edit" if editing else "entry"


def remove(entry, *, by):
    """Delete the entry at once; its signal deletes every log line that named it and leaves an
    anonymous one (see map.signals)."""
    entry.removed_by = by
    entry.delete()


def expire_unconfirmed(now=None):
    """Delete entries whose address was not confirmed within the confirmation link's lifetime."""
    cutoff = (now or timezone.now()) - MAX_AGE[CONFIRM]
    _, deleted = MapEntry.objects.filter(status=Status.UNCONFIRMED, created_at__lt=cutoff).delete()
    return deleted.get(MapEntry._meta.label, 0)
