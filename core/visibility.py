"""Which pages anyone may see, decided inside the queries that fetch them.

Wagtail reads every view restriction afresh for each `.public()` (a home page makes six) and reads
a page's ancestors and their restrictions again before serving it. Here `.public()` asks the
database in the same query: a page is private when a restriction sits on a page whose tree path
begins its own, which is the condition Wagtail's `PageQuerySet.private_q` builds from its list. A
routed page learns the same in routing's query (`core.routing.restricted_here`), so serving it reads
no restriction unless one applies. The equivalence tests in tests/security/test_view_restrictions.py
compare every answer with Wagtail's own methods on a tree with private sections, aliases and
children of aliases.
"""

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.db.models.signals import post_delete, post_save

from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet

from .render_memo import forget, memoised
from .routing import ancestors


class PublicPageQuerySet(PageQuerySet):
    """Wagtail's page queryset, whose `.public()` and `.not_public()` test each page's restrictions
    in their own query instead of first reading every restriction of the site."""

    def private_q(self):
        return Q(is_private())


def is_private():
    """Whether a view restriction hides the page of the row it is asked in: one sits on a page whose
    tree path begins the row's (the page itself or an ancestor)."""
    return Exists(
        PageViewRestriction.objects.filter(page__path=Substr(OuterRef("path"), 1, Length("page__path")))
    )


RESTRICTIONS = "view restrictions"


def read_restrictions(keys):
    """Every restriction of the site with its page, for `memoised` (which names no keys here)."""
    return {None: list(PageViewRestriction.objects.select_related("page"))}


class SearchablePageQuerySet(PageQuerySet):
    """For `.search()`, whose backends filter only on plain columns: `.public()` names the private
    sections by their paths, as Wagtail's `private_q` does, from the restrictions read once per
    request."""

    def private_q(self):
        q = Q()
        for restriction in memoised(RESTRICTIONS, {None}, read_restrictions)[None]:
            q |= self.descendant_of_q(restriction.page, inclusive=True)
        # As Wagtail: with no private section, nothing is private.
        return q if q else Q(pk__in=[])


def forget_view_restrictions(**kwargs):
    """A request that changes a restriction, then searches, reads the new list."""
    forget(RESTRICTIONS)


post_save.connect(
    forget_view_restrictions, sender=PageViewRestriction, dispatch_uid="forget_view_restrictions"
)
post_delete.connect(
    forget_view_restrictions, sender=PageViewRestriction, dispatch_uid="forget_view_restrictions"
)


PublicPageManager = PageManager.from_queryset(PublicPageQuerySet)


def site_pages():
    """Every page of the site, as Wagtail's `Page.objects`, whose `.public()` asks in the same query."""
    return PublicPageQuerySet(Page)


def searchable_site_pages(model=Page):
    """`site_pages()` for a search."""
    return SearchablePageQuerySet(model)


class PublicPage(models.Model):
    """What every page type of the site shares: its manager's `.public()` tests restrictions in the
    same query, and the check Wagtail makes before serving the page uses what routing learnt."""

    objects = PublicPageManager()

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        """Wagtail's `Page.get_view_restrictions()`: the restrictions on this page and its ancestors.
        A page routing served, and its ancestors, already know whether one applies
        (`restricted_here`); only then, or for a page fetched some other way, is the database asked.
        Where an alias is on the way, Wagtail's own method answers: an alias stands for the page it
        copies, which may be an alias in turn."""
        chain = [self, *ancestors(self)]
        if any(page.alias_of_id for page in chain):
            return Page.get_view_restrictions(self)
        if all(getattr(page, "restricted_here", True) is False for page in chain):
            return PageViewRestriction.objects.none()
        # Above the home page only the tree's root.
        return PageViewRestriction.objects.filter(
            Q(page_id__in=[page.pk for page in chain]) | Q(page__depth=1)
        )
