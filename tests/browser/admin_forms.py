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
