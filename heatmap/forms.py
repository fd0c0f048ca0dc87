"""Forms for taking the Heatmap: starting (an optional label), one section's ratings, and groups."""

from django import forms
from django.utils.html import format_html

FIELD_PREFIX = "s-"


def optional_name(label, help_text):
    """A short name someone may give their answers or their group, to tell them apart later."""
    return forms.CharField(label=label, help_text=help_text, max_length=80, required=False)


class StartForm(forms.Form):
    label = optional_name(
        "A label for your own use (optional)",
        "For example “our team, March”. Only people with your private link see it.",
    )


class GroupForm(forms.Form):
    name = optional_name(
        "Group name (optional)",
        "For example “Front desk team”. Everyone with the join link sees it.",
    )


class StepForm(forms.Form):
    """The ratings for one section of a frozen version.

    Fields are named after the statements' permanent keys. A score for a statement of another
    version, or of another section, is refused rather than dropped, so nobody believes it was kept.
    """

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, structure, section, version_number, require_all=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.structure = structure
        self.section = section
        self.version_number = version_number
        self.fields["version"].initial = version_number
        choices = [(item["value"], f"{item['value']}: {item['label']}") for item in structure.scale]
        self.groups = []
        for element in section["elements"]:
            names = []
            for number, statement in enumerate(element["statements"], start=1):
                name = FIELD_PREFIX + statement["key"]
                self.fields[name] = forms.TypedChoiceField(
                    label=statement["text"],
                    choices=choices,
                    coerce=int,
                    widget=forms.RadioSelect,
                    required=require_all,
                    error_messages={
                        "required": format_html("Choose a rating for “{}”.", statement["text"]),
                        "invalid_choice": format_html(
                            "Ratings go from 1 to 5: choose one for “{}”.", statement["text"]
                        ),
                    },
                )
                self.fields[name].statement_number = number
                names.append(name)
            self.groups.append((element, names))

    def element_fields(self):
        return [(element, [self[name] for name in names]) for element, names in self.groups]

    def clean(self):
        cleaned = super().clean()
        if self.data.get("version") and str(self.data.get("version")) != str(self.version_number):
            raise forms.ValidationError(
                "These answers were for another version of the Heatmap. Please answer the statements "
                "shown here.",
                code="other_version",
            )
        own = {FIELD_PREFIX + key for key in self.structure.statement_keys(self.section)}
        foreign = [name for name in self.data if name.startswith(FIELD_PREFIX) and name not in own]
        if foreign:
            raise forms.ValidationError(
                "Some answers were for statements that are not part of this step of your version of the "
                "Heatmap, so nothing was saved. Please answer the statements shown here.",
                code="foreign_statement",
            )
        return cleaned

    def scores(self):
        """{statement key: score} for the valid ratings given."""
        return {
            name.removeprefix(FIELD_PREFIX): value
            for name, value in self.cleaned_data.items()
            if name.startswith(FIELD_PREFIX) and value not in (None, "")
        }


def refused(form, message):
    """`form` (bound, possibly to nothing) carrying `message` as its one error: nothing was saved."""
    form.is_valid()
    form.add_error(None, message)
    return form
