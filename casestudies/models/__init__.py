"""The Case Maker: the case for putting relationships first, in sections, evidence and real stories.

The four sections of the case are child pages of the Case Maker (`CaseMakerSectionPage`) rather than
StreamField sections, so each has its own address, revision history and place in the page tree that
editors can reorder. Stories (`CaseStudyPage`) sit beside them and are listed by the explorer route.
"""

from .case_maker import STORIES_PER_PAGE, VIDEO_HOSTS, CaseMakerPage, CaseMakerSectionPage, video_provider
from .labels import Enabler, ExplorerLabel, Scale, Sector
from .stories import (
    SHORT_CODE_ALPHABET,
    SHORT_CODE_LENGTH,
    CaseStudyGlossaryTerm,
    CaseStudyPage,
    CaseStudyRelatedPost,
    live_in_order,
    new_short_code,
    paper_size,
)

__all__ = [
    "CaseMakerPage",
    "CaseMakerSectionPage",
    "CaseStudyGlossaryTerm",
    "CaseStudyPage",
    "CaseStudyRelatedPost",
    "Enabler",
    "ExplorerLabel",
    "SHORT_CODE_ALPHABET",
    "SHORT_CODE_LENGTH",
    "STORIES_PER_PAGE",
    "Scale",
    "Sector",
    "VIDEO_HOSTS",
    "live_in_order",
    "new_short_code",
    "paper_size",
    "video_provider",
]
