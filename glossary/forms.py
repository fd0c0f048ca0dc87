"""The public suggest-a-term form."""

from django import forms

from core.public_forms import PublicFormMixin

from .models import GlossarySuggestion

HONEYPOT_FIELD = "website"


class SuggestionForm(PublicFormMixin, forms.ModelForm):
    """Suggest a term or a different definition; a hidden honeypot field catches form-filling robots.

    Each input is described by its help text and, after a failed submission, by its error
    message, so screen-reader users hear both when they reach the field.
    """

    honeypot_field = HONEYPOT_FIELD

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
