"""The public suggest-a-term form."""

from django import forms

from .models import GlossarySuggestion

HONEYPOT_FIELD = "website"


class SuggestionForm(forms.ModelForm):
    """Suggest a term or a different definition; a hidden honeypot field catches form-filling robots.

    Each input is described by its help text and, after a failed submission, by its error
    message, so screen-reader users hear both when they reach the field.
    """

    website = forms.CharField(
        label="Leave this field empty",
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = GlossarySuggestion
        fields = ["term", "definition", "source", "name", "email"]
        labels = {"name": "Your name", "email": "Your email address"}
        help_texts = {
            "term": "The word or phrase, e.g. social plumbing.",
            "definition": "In your own words, or quoted (then tell us the source).",
            "email": "Only so an editor can ask you about your suggestion. We never add you to a list.",
        }
        widgets = {"definition": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "suggest-%s")
        super().__init__(*args, **kwargs)
        self.describe_fields(errors={})

    def full_clean(self):
        super().full_clean()
        self.describe_fields(self.errors)

    def describe_fields(self, errors):
        """Point each input at its help text and error message (ids as in the form template)."""
        for name, field in self.fields.items():
            auto_id = self[name].auto_id
            described_by = [f"{auto_id}-help"] if field.help_text else []
            if name in errors:
                described_by.append(f"{auto_id}-error")
            if described_by:
                field.widget.attrs["aria-describedby"] = " ".join(described_by)

    def is_spam(self):
        return bool(self.cleaned_data.get(HONEYPOT_FIELD))
