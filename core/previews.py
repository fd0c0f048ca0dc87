"""Preview modes that show a page as readers meet it elsewhere: its listing card and its social card."""

from django.template.response import TemplateResponse


class CardPreviewMixin:
    """Adds 'Listing card' and 'Social card' to the page's preview modes; set `card_template`."""

    card_template = "includes/card.html"
    preview_modes = [("", "Page"), ("card", "Listing card"), ("social", "Social card")]

    def serve_preview(self, request, mode_name):
        if mode_name in {"card", "social"}:
            return TemplateResponse(
                request,
                f"core/previews/{mode_name}.html",
                {"page": self, "item": self, "card_template": self.card_template},
            )
        return super().serve_preview(request, mode_name)
