"""Admin integration: the 'glossary' rich-text feature and the suggestions moderation list."""

from django.urls import reverse_lazy

from wagtail import hooks
from wagtail.admin.rich_text.converters.html_to_contentstate import LinkElementHandler
from wagtail.admin.rich_text.editors.draftail import features as draftail_features
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from draftjs_exporter.dom import DOM

from .models import GlossarySuggestion, GlossaryTermPage
from .rich_text import LINKTYPE, GlossaryLinkHandler, parse_id

ENTITY_TYPE = "GLOSSARY"


class GlossaryElementHandler(LinkElementHandler):
    """Turns a stored mark into the editor's entity, with what the editor needs to show it."""

    def get_attribute_data(self, attrs):
        term_id = parse_id(attrs.get("id"))
        term = GlossaryTermPage.objects.filter(pk=term_id).first() if term_id else None
        if term is None:
            return {"id": term_id, "url": None, "parentId": None, "title": ""}
        return {"id": term.pk, "url": term.url, "parentId": term.get_parent().pk, "title": term.title}


def glossary_entity(props):
    """Draftail entity → stored HTML."""
    return DOM.create_element("a", {"linktype": LINKTYPE, "id": props.get("id")}, props["children"])


@hooks.register("register_rich_text_features")
def register_glossary_feature(features):
    """A toolbar button that marks the selected phrase as a glossary term, chosen from the glossary."""
    features.register_link_type(GlossaryLinkHandler)
    features.register_editor_plugin(
        "draftail",
        LINKTYPE,
        draftail_features.EntityFeature(
            {
                "type": ENTITY_TYPE,
                "icon": "help",
                "description": "Glossary term",
                "chooserUrls": {"pageChooser": reverse_lazy("wagtailadmin_choose_page")},
            },
            js=["wagtailadmin/js/page-chooser-modal.js", "glossary/js/draftail-glossary.js"],
        ),
    )
    features.register_converter_rule(
        "contentstate",
        LINKTYPE,
        {
            "from_database_format": {f'a[linktype="{LINKTYPE}"]': GlossaryElementHandler(ENTITY_TYPE)},
            "to_database_format": {"entity_decorators": {ENTITY_TYPE: glossary_entity}},
        },
    )


class SuggestionPermissionHelper(PermissionHelper):
    """Suggestions come only from the public form; editors review them but never write them."""

    def user_can_create(self, user):
        return False


@modeladmin_register
class GlossarySuggestionAdmin(ModelAdmin):
    model = GlossarySuggestion
    menu_label = "Term suggestions"
    menu_icon = "help"
    menu_order = 300
    permission_helper_class = SuggestionPermissionHelper
    list_display = ("term", "status", "submitted_at", "name")
    list_filter = ("status",)
    search_fields = ("term", "definition", "source", "name", "email")
    inspect_view_enabled = True
