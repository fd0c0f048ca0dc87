"""The base of the read-only panels on edit screens: the guide link, the checklist and the newsletter email."""

from wagtail.admin.panels import Panel


class InstancePanel(Panel):
    """A panel that shows something about the object being edited and takes no input.

    A subclass names its `template_name`, the `default_name` it has in the form's layout, and what
    `context_for()` the object its template shows; `is_new` says the object is not saved yet.
    """

    template_name = None
    default_name = None

    class BoundPanel(Panel.BoundPanel):
        @property
        def template_name(self):
            return self.panel.template_name

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["is_new"] = self.instance.pk is None
            context.update(self.panel.context_for(self.instance))
            return context

    @property
    def clean_name(self):
        return super().clean_name or self.default_name

    def context_for(self, instance):
        return {}
