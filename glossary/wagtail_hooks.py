"""Admin integration: the 'glossary' rich-text feature, the terms list and the suggestions moderation list."""

from django.urls import path, reverse, reverse_lazy

from wagtail import hooks
from wagtail.admin.rich_text.converters.html_to_contentstate import LinkElementHandler
from wagtail.admin.rich_text.editors.draftail import features as draftail_features
from wagtail_modeladmin.helpers import ButtonHelper, PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup

from draftjs_exporter.dom import DOM

from core.admin_listings import LocalTimeIndexView, PageListingAdmin, register, related
from core.url_parts import parse_int

from .admin_views import start_term
from .models import GlossarySuggestion, GlossaryTermPage
from .rich_text import LINKTYPE, GlossaryLinkHandler

ENTITY_TYPE = "GLOSSARY"


class GlossaryElementHandler(LinkElementHandler):
    """Turns a stored mark into the editor's entity, with what the editor needs to show it."""

    def get_attribute_data(self, attrs):
        term_id = parse_int(attrs.get("id"))
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


class SuggestionButtonHelper(ButtonHelper):
    """Adds "Start a term from this suggestion" to suggestions nobody has acted on yet."""

    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        if obj.status == GlossarySuggestion.Status.NEW and self.permission_helper.user_can_edit_obj(
            self.request.user, obj
        ):
            buttons.insert(
                0,
                {
                    "url": reverse("glossary_start_term", args=[obj.pk]),
                    "label": "Start a term from this suggestion",
                    "classname": self.finalise_classname(classnames_add, classnames_exclude),
                    "title": f"Start a draft glossary term from “{obj.term}”",
                },
            )
        return buttons


class GlossaryTermAdmin(PageListingAdmin):
    """Every glossary term in one list, filterable by group and status."""

    model = GlossaryTermPage
    menu_label = "Terms"
    menu_icon = "list-ul"
    list_display = ("title", "group")
    list_filter = related("group")
    search_fields = ("short_definition", "also_called")
    ordering = ("title", "pk")


class GlossarySuggestionAdmin(ModelAdmin):
    model = GlossarySuggestion
    index_view_class = LocalTimeIndexView
    menu_label = "Term suggestions"
    menu_icon = "help"
    permission_helper_class = SuggestionPermissionHelper
    button_helper_class = SuggestionButtonHelper
    list_display = ("term", "status", "submitted_at", "name")
    list_filter = ("status",)
    search_fields = ("term", "definition", "source", "name", "email")
    list_export = ("term", "definition", "source", "name", "email", "status", "submitted_at")
    export_filename = "glossary-suggestions"
    inspect_view_enabled = True


@register
class GlossaryAdminGroup(ModelAdminGroup):
    menu_label = "Glossary"
    menu_icon = "help"
    items = (GlossaryTermAdmin, GlossarySuggestionAdmin)


@hooks.register("register_admin_urls")
def register_start_term_url():
    return [path("glossary/suggestions/<int:pk>/start-term/", start_term, name="glossary_start_term")]
