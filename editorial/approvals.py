"""Approve and Request changes as plain, primary actions, each behind a confirmation that says what happens next.

Wagtail puts a moderator's workflow actions in the footer's drop-up and approves at once; editors
missed them and approved by accident. Here they lead the action menu and the dashboard, and open a
screen naming the page and the outcome before anything changes.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from wagtail.admin.action_menu import ActionMenuItem, WorkflowMenuItem
from wagtail.models import Page

ACTIONS = {"approve": "Approve", "reject": "Request changes"}


class ReviewForm(forms.Form):
    comment = forms.CharField(
        label="What should change",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text="The author sees this with the page.",
    )


def reviewable(page, user):
    """(task state, task) when `user` may approve `page` now, else (None, None)."""
    state = page.current_workflow_state
    task_state = state.current_task_state if state else None
    if task_state is None:
        return None, None
    task = task_state.task.specific
    names = {name for name, _label, _modal in task.get_actions(page, user)}
    return (task_state, task) if {"approve", "reject"} <= names else (None, None)


def scheduled_for(page):
    """When the revision awaiting approval is set to go live, if that is still to come."""
    go_live_at = page.get_latest_revision_as_object().go_live_at
    return go_live_at if go_live_at and go_live_at > timezone.now() else None


def outcome(page):
    """What approving will do, as the confirmation button and the sentence under it say it."""
    when = scheduled_for(page)
    if when:
        moment = date_format(timezone.localtime(when), "j F Y, H:i")
        return "Publish at its scheduled time", f"It will go live on {moment} (UK time), not before."
    return "Publish now", "It goes live at once, with its listings, feeds and search results."


def review(request, page_id, action):
    """GET: the confirmation; POST: approve, or send back with a comment, then return to the dashboard."""
    page = get_object_or_404(Page, pk=page_id).specific
    task_state, task = reviewable(page, request.user)
    if action not in ACTIONS:
        raise PermissionDenied
    if task_state is None:
        messages.warning(
            request, f"“{page.get_admin_display_title()}” is no longer waiting for your approval."
        )
        return redirect("wagtailadmin_home")
    form = ReviewForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        button, _next = outcome(page)
        task.on_action(task_state, request.user, action, comment=form.cleaned_data["comment"])
        title = page.get_admin_display_title()
        if action == "approve" and button == "Publish now":
            messages.success(request, f"“{title}” was approved and is now live.")
        elif action == "approve":
            messages.success(request, f"“{title}” was approved and will go live at its scheduled time.")
        else:
            messages.success(request, f"Changes were requested on “{title}”: it stays a draft.")
        return redirect("wagtailadmin_home")
    button, consequence = outcome(page)
    verb = "Approve" if action == "approve" else "Request changes to"
    title = f"{verb} “{page.get_admin_display_title()}”?"
    author = task_state.workflow_state.requested_by
    return TemplateResponse(
        request,
        "editorial/review.html",
        {
            "page": page,
            "action": action,
            "form": form,
            "button": button if action == "approve" else "Send back to the author",
            "consequence": consequence,
            "author": (author.get_full_name() or author.get_username()) if author else "the author",
            "header_title": title,
            "page_title": title,
            "header_icon": "success" if action == "approve" else "edit",
        },
    )


def review_url(page, action):
    return reverse("editorial_review", args=[page.pk, action])


class ReviewMenuItem(ActionMenuItem):
    """A workflow action in the edit screen's footer, linking to its confirmation instead of acting."""

    def __init__(self, action, icon_name):
        super().__init__()
        self.action = action
        self.name = f"action-review-{action}"
        self.label = ACTIONS[action]
        self.icon_name = icon_name

    def get_url(self, parent_context):
        return review_url(parent_context["page"], self.action)


def put_review_actions_first(menu_items, request, context):
    """For a moderator of the page's current task, Approve becomes the footer's main button."""
    page = context.get("page")
    if page is None or context.get("view") != "edit" or reviewable(page, request.user)[0] is None:
        return
    menu_items[:] = [item for item in menu_items if not isinstance(item, WorkflowMenuItem)]
    menu_items[0:0] = [ReviewMenuItem("approve", "success"), ReviewMenuItem("reject", "edit")]
