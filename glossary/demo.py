"""Demo content for this app; grows with the app."""


def load(demo):
    """Create this app's demo pages under demo.home; return the index page for the menu."""
    return None
