"""Admin wiring for everyday editing: dashboard panels and the accessibility checker."""

from wagtail import hooks

from .accessibility import use_site_content_checker
from .dashboard import OverdueScheduledPanel, WelcomePanel


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    panels[:0] = [OverdueScheduledPanel(), WelcomePanel()]


hooks.register("construct_wagtail_userbar", use_site_content_checker)
