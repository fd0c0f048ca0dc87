"""Admin view that turns a reader's suggestion into a draft glossary term."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.text import slugify

from .models import GlossaryIndexPage, GlossarySuggestion, GlossaryTermPage


def unique_slug(parent, title):
    base = slugify(title)[:240] or "term"
    slug, number = base, 1
    while parent.get_children().filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def start_term(request, pk):
    """GET asks to confirm; POST creates a draft term from the suggestion, marks it accepted and opens the editor."""
    suggestion = get_object_or_404(GlossarySuggestion, pk=pk)
    glossary = GlossaryIndexPage.objects.order_by("path").first()
    if glossary is None or not glossary.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    if not request.user.has_perm("glossary.change_glossarysuggestion"):
        raise PermissionDenied
    if request.method != "POST":
        return TemplateResponse(
            request,
            "glossary/admin/start_term.html",
            {"suggestion": suggestion, "glossary": glossary, "header_title": "Start a term"},
        )
    term = GlossaryTermPage(
        title=suggestion.term,
        slug=unique_slug(glossary, suggestion.term),
        short_definition=suggestion.definition[:400],
        quote_source=suggestion.source[:255],
        live=False,
        owner=request.user,
    )
    glossary.add_child(instance=term)
    term.save_revision(user=request.user, log_action=True)
    suggestion.status = GlossarySuggestion.Status.ACCEPTED
    suggestion.save(update_fields=["status"])
    messages.success(
        request, f"Draft term “{term.title}” started from the suggestion. Edit it, then submit it."
    )
    return redirect("wagtailadmin_pages:edit", term.pk)
