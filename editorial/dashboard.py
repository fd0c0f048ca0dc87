"""Dashboard panels: what needs the editor's attention today, and scheduled items that failed to go live."""

from django.urls import reverse
from django.utils import timezone

from wagtail.admin.ui.components import Component
from wagtail.models import Page, Revision, WorkflowState

from events.models import EventPage
from glossary.models import GlossarySuggestion

from .approvals import reviewable

LIMIT = 8
SUGGESTION_VIEW = "glossary_glossarysuggestion_modeladmin_inspect"


def overdue_revisions(now=None):
    """Revisions approved to go live in the past that are still waiting: `publish_scheduled` is not running."""
    now = now or timezone.now()
    return (
        Revision.page_revisions.filter(approved_go_live_at__lt=now)
        .select_related("content_type")
        .order_by("approved_go_live_at")
    )


class OverdueScheduledPanel(Component):
    """A warning at the top of the dashboard whenever scheduled publishing has fallen behind."""

    name = "overdue_scheduled"
    order = 10
    template_name = "editorial/panels/overdue_scheduled.html"

    def get_context_data(self, parent_context):
        revisions = list(overdue_revisions()[:LIMIT])
        pages = Page.objects.in_bulk([int(revision.object_id) for revision in revisions])
        items = [(pages.get(int(revision.object_id)), revision.approved_go_live_at) for revision in revisions]
        return {"items": [(page, when) for page, when in items if page is not None]}


class WelcomePanel(Component):
    """The editor's drafts, what awaits moderation, convenings missing a sign-up link and new suggestions."""

    name = "welcome"
    order = 20
    template_name = "editorial/panels/welcome.html"

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        user = request.user
        now = timezone.now()
        drafts = (
            Page.objects.filter(has_unpublished_changes=True, latest_revision__user=user)
            .exclude(depth=1)
            .order_by("-latest_revision_created_at")[:LIMIT]
        )
        awaiting = (
            WorkflowState.objects.active()
            .filter(base_content_type__model="page")
            .select_related("requested_by", "current_task_state__task")
            .order_by("-created_at")[:LIMIT]
        )
        awaiting_pages = Page.objects.in_bulk([int(state.object_id) for state in awaiting])
        no_sign_up = (
            EventPage.objects.live().filter(end__gte=now, registration_url="").order_by("start")[:LIMIT]
        )
        suggestions = (
            GlossarySuggestion.objects.filter(status=GlossarySuggestion.Status.NEW)[:LIMIT]
            if user.has_perm("glossary.view_glossarysuggestion")
            else []
        )
        return {
            "user": user,
            "drafts": drafts,
            "awaiting": [
                (page, state, reviewable(page, user)[0] is not None)
                for page, state in (
                    (awaiting_pages[int(state.object_id)], state)
                    for state in awaiting
                    if int(state.object_id) in awaiting_pages
                )
            ],
            "no_sign_up": [
                (reverse("wagtailadmin_pages:edit", args=[event.pk]), event.title, event.start)
                for event in no_sign_up
            ],
            "suggestions": [
                (reverse(SUGGESTION_VIEW, args=[suggestion.pk]), suggestion.term, suggestion.submitted_at)
                for suggestion in suggestions
            ],
        }
