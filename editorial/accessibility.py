"""Wagtail's accessibility checker (user bar and editor) run against WCAG 2.2 AA and axe's best practices."""

from wagtail.admin.userbar import ContentCheckerItem


class SiteContentCheckerItem(ContentCheckerItem):
    """Runs every WCAG A/AA rule plus best practices, rather than Wagtail's short default list."""

    axe_run_only = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
    axe_rules = {
        # Editors cannot fix the site chrome from a page; the chrome has its own tests.
        "region": {"enabled": False},
    }
    axe_messages = {
        **ContentCheckerItem.axe_messages,
        "image-alt": {
            "error_name": "Image without alt text",
            "help_text": "Describe the image in its block, or mark it as decorative.",
        },
        "link-name": {
            "error_name": "Link without a name",
            "help_text": "Give every link words that say where it goes.",
        },
        "heading-order": {
            "error_name": "Headings out of order",
            "help_text": "Use a section heading before its subheadings.",
        },
    }


def use_site_content_checker(request, items, page):
    """Swap Wagtail's checker for ours wherever it appears, keeping whether it runs in the editor."""
    for position, item in enumerate(items):
        if isinstance(item, ContentCheckerItem) and not isinstance(item, SiteContentCheckerItem):
            items[position] = SiteContentCheckerItem(in_editor=item.in_editor)
