"""Admin wiring for everyday editing: dashboard panels."""

from wagtail import hooks

from .dashboard import OverdueScheduledPanel, WelcomePanel


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    panels[:0] = [OverdueScheduledPanel(), WelcomePanel()]
