"""What every public form of the site shares: inputs tied to their help and errors for screen
readers, and a honeypot field that people never see and robots fill in."""

from django import forms


class PublicFormMixin:
    """`honeypot_field` names the hidden field, added after the form's own; the form's template
    hides it and gives each input's help text and error message the ids `<input id>-help` and
    `<input id>-error`."""

    honeypot_field = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[self.honeypot_field] = forms.CharField(
            label="Leave this field empty",
            required=False,
            max_length=200,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        self.describe_fields(errors={})

    def full_clean(self):
        super().full_clean()
        self.describe_fields(self.errors)

    def describe_fields(self, errors):
        """Point each input at its help text and error message."""
        for name, field in self.fields.items():
            auto_id = self[name].auto_id
            described_by = [f"{auto_id}-help"] if field.help_text else []
            if name in errors:
                described_by.append(f"{auto_id}-error")
            if described_by:
                field.widget.attrs["aria-describedby"] = " ".join(described_by)

    def is_spam(self):
        return bool(self.cleaned_data.get(self.honeypot_field))


def post_size_problem(request, max_bytes, max_fields):
    """413 for a declared body over `max_bytes`, 400 for more than `max_fields` values or any file,
    else None: checked before a form reads the body, so no honest submission is ever refused."""
    declared = request.META.get("CONTENT_LENGTH") or "0"
    if not declared.isdigit() or int(declared) > max_bytes:
        return 413
    if request.FILES or sum(len(values) for _, values in request.POST.lists()) > max_fields:
        return 400
    return None
