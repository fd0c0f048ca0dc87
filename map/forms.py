"""The public "Add yourself" form, also used to edit an entry through its signed link."""

from django import forms
from django.utils import timezone

from core.public_forms import PublicFormMixin

from .models.entries import PUBLIC_FIELD_CHOICES, MapEntry, Theme
from .taxonomy import NEEDS

HONEYPOT_FIELD = "homepage"
# What a submitted edit may change; kept as plain values until a moderator approves it.
EDITABLE = [
    "name",
    "kind",
    "description",
    "region",
    "town",
    "scale",
    "website",
    "public_contact",
    "allow_indexing",
]


def optional_checkboxes(field_class=forms.MultipleChoiceField, **kwargs):
    """A choice of any number of options, one tick box each, none required."""
    return field_class(widget=forms.CheckboxSelectMultiple, required=False, **kwargs)


class EntryForm(PublicFormMixin, forms.ModelForm):
    """Name, kind, place and themes put an entry on the map; the submitter ticks which other fields show.

    Each input is described by its help text and, after a failed submission, by its error message.
    """

    honeypot_field = HONEYPOT_FIELD

    themes = optional_checkboxes(
        forms.ModelMultipleChoiceField,
        queryset=Theme.objects.all(),
        help_text="Choose any that fit; they are always shown.",
    )
    needs = optional_checkboxes(label="What you are looking for", choices=NEEDS)
    public_fields = optional_checkboxes(
        label="Which of these may we show?",
        choices=PUBLIC_FIELD_CHOICES,
        help_text="Your name, kind, where you work and your themes are always shown; nothing else is unless you tick it. Your own email address is never shown.",
    )
    agree_privacy = forms.BooleanField(
        label="I have read the privacy notice and agree to my entry being stored and shown as chosen above",
        required=True,
    )
    website = forms.URLField(
        label="Website", required=False, max_length=300, assume_scheme="https", widget=forms.URLInput
    )

    class Meta:
        model = MapEntry
        fields = [*EDITABLE, "email"]
        labels = {
            "name": "Name",
            "kind": "You are a",
            "description": "What you do",
            "region": "Where you work",
            "town": "Town or city",
            "email": "Your email address",
            "allow_indexing": "Search engines may index my entry",
        }
        help_texts = {
            "name": "Your own name, or your organisation's, network's or programme's.",
            "description": "A few sentences in your own words (600 characters at most).",
            "region": "The nation or English region; or UK-wide, or international.",
            "email": "Private: we send the link to confirm, edit or remove your entry here, and nothing else.",
            "public_contact": "An address people may write to, shown only if you tick it below.",
            "allow_indexing": "If unticked, your entry still appears on the map but asks search engines not to list it.",
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "kind": forms.RadioSelect,
            "scale": forms.RadioSelect,
        }

    def __init__(self, *args, editing=False, **kwargs):
        kwargs.setdefault("auto_id", "entry-%s")
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = self.fields["kind"].choices[1:]
        self.fields["scale"].choices = [("", "Not stated"), *self.fields["scale"].choices[1:]]
        if self.instance.pk:
            self.initial.setdefault("needs", self.instance.needs)
            self.initial.setdefault("public_fields", self.instance.public_fields)
        if editing:
            # The address the links go to is not changed from a link sent to it.
            del self.fields["email"]
            self.fields["agree_privacy"].initial = True

    def changes(self):
        """The submitted entry as plain values, to store until a moderator approves them."""
        data = {name: self.cleaned_data[name] for name in EDITABLE}
        data["themes"] = [theme.pk for theme in self.cleaned_data["themes"]]
        data["needs"] = list(self.cleaned_data["needs"])
        data["public_fields"] = list(self.cleaned_data["public_fields"])
        return data

    def save(self, commit=True):
        entry = super().save(commit=False)
        apply_changes(entry, self.changes(), save=False)
        entry.privacy_agreed_at = timezone.now()
        if commit:
            entry.save()
            entry.themes.set(self.cleaned_data["themes"])
        return entry


def apply_changes(entry, data, *, save=True):
    """Write stored changes (from `EntryForm.changes`) onto the entry."""
    for name in EDITABLE:
        setattr(entry, name, data[name])
    for key, _ in NEEDS:
        setattr(entry, f"needs_{key}", key in data["needs"])
    entry.public_fields = list(data["public_fields"])
    if save:
        entry.save()
        set_themes(entry, data)


def set_themes(entry, data):
    """The themes of stored changes (themes deleted since are left out)."""
    entry.themes.set(Theme.objects.filter(pk__in=data["themes"]))
