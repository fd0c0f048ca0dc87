"""Helpers for driving Wagtail's admin forms the way an editor does."""

from playwright.sync_api import expect


def fill_datetime(page, selector, value):
    """Type a date and time, then leave the field as an editor would, with Tab.

    Wagtail's date picker opens a moment after the field gains focus and ignores Escape, so a
    picker left open covers the footer's buttons. Wait for it to open, then tab away and wait
    for it to close, whatever the calendar month happens to look like today.
    """
    page.fill(selector, value)
    picker = page.locator(".xdsoft_datetimepicker:visible")
    expect(picker).to_have_count(1)
    page.press(selector, "Tab")
    expect(picker).to_have_count(0)


def settle_autosave(page):
    """Pause Wagtail's autosave and wait for a save in flight to land, before Publish or Submit.

    On a new page the first autosave creates the page, and only its answer points the form at the
    new page's edit view. Clicked while that save is in flight, as only a test is quick enough to,
    Publish sends the form to the add view a second time, and the second page is refused because
    its slug is taken. Pausing first means no save can start between the wait and the click.
    """
    page.locator("form[data-edit-form]").evaluate("form => (form.dataset.wAutosaveActiveValue = 'false')")
    expect(page.locator("#w-autosave-indicator")).not_to_have_attribute(
        "data-w-autosave-state-value", "saving", timeout=30_000
    )
