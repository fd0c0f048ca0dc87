"""The moderator's view of one entry: what was submitted (or changed), and the decision with a message."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse

from wagtail.admin.auth import permission_denied

from . import moderation
from .forms import EDITABLE
from .models.entries import MapEntry, Status, Theme
from .models.pages import MapPage


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=moderation.DECISIONS, widget=forms.RadioSelect)
    message = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=2000,
        help_text="Emailed to the submitter with your decision. Required when asking for changes or rejecting.",
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") in (moderation.REQUEST_CHANGES, moderation.REJECT) and not cleaned.get(
            "message"
        ):
            self.add_error("message", "Tell the submitter what to change, or why.")
        return cleaned


def pending_differences(entry):
    """(field label, approved value, proposed value) for each field a pending edit changes."""
    if not entry.pending_changes:
        return []
    rows = []
    for name in EDITABLE:
        old, new = getattr(entry, name), entry.pending_changes.get(name)
        if old != new:
            rows.append((MapEntry._meta.get_field(name).verbose_name, old, new))
    old_themes = sorted(theme.name for theme in entry.themes.all())
    new_themes = sorted(
        Theme.objects.filter(pk__in=entry.pending_changes["themes"]).values_list("name", flat=True)
    )
    for label, old, new in (
        ("themes", old_themes, new_themes),
        ("looking for", entry.needs, entry.pending_changes["needs"]),
        ("public fields", entry.public_fields, entry.pending_changes["public_fields"]),
    ):
        if old != new:
            rows.append((label, ", ".join(old), ", ".join(new)))
    return rows


def moderate(request, pk):
    if not request.user.has_perm("map.change_mapentry"):
        return permission_denied(request)
    entry = get_object_or_404(MapEntry.objects.prefetch_related("themes"), pk=pk)
    map_page = MapPage.objects.live().first()
    if map_page is None:
        raise PermissionDenied("Publish the map page first: emails link to it.")
    awaiting = entry.status == Status.PENDING or entry.has_pending_changes
    form = DecisionForm(request.POST if request.method == "POST" and awaiting else None)
    if form.is_bound and form.is_valid():
        what = moderation.decide(
            entry, form.cleaned_data["decision"], form.cleaned_data["message"], map_page, request.user
        )
        messages.success(
            request, f"Decision on the {what} for “{entry.name}” saved and emailed to the submitter."
        )
        return redirect("map_entries:index")
    return TemplateResponse(
        request,
        "map/admin/moderate.html",
        {
            "entry": entry,
            "form": form,
            "awaiting": awaiting,
            "differences": pending_differences(entry),
            "duplicates": entry.likely_duplicates()[:5],
            "header_title": f"Moderate “{entry.name}”",
            "page_title": "Moderate map entry",
        },
    )
