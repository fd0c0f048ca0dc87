"""Convenings: online talks and in-person gatherings, before and after they happen."""

from .convenings import (
    UK_TIME_HELP,
    EventFormat,
    EventPage,
    EventPagePartner,
    EventPageQuerySet,
    EventPageSpeaker,
    EventStatus,
)
from .index import CALENDAR_PAST_WINDOW, PAST_PER_PAGE, EventIndexPage
from .series import EventSeries

__all__ = [
    "CALENDAR_PAST_WINDOW",
    "EventFormat",
    "EventIndexPage",
    "EventPage",
    "EventPagePartner",
    "EventPageQuerySet",
    "EventPageSpeaker",
    "EventSeries",
    "EventStatus",
    "PAST_PER_PAGE",
    "UK_TIME_HELP",
]
