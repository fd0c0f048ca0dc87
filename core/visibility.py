"""Which pages anyone may see, with the site's view restrictions read once per request.

Wagtail reads every view restriction afresh for each `.public()` (a home page makes six) and reads
a page's ancestors and their restrictions again before serving it. Here both come from one list of
restrictions that the request reads once; the answers are Wagtail's own (the equivalence tests in
tests/security/test_view_restrictions.py compare them with Wagtail's methods on a tree with private
sections, aliases and children of aliases). Saving or deleting a restriction forgets the list, so
an admin request that changes one reads the new list.
"""

from django.db import models
from django.db.models import Q
from django.db.models.signals import post_delete, post_save

from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet

from .render_memo import forget, memoised
from .routing import ancestors

RESTRICTIONS = "view restrictions"


def view_restrictions():
    """Every page view restriction of the site, with its page; read once per request."""
    return memoised(
        RESTRICTIONS, {None}, lambda keys: {None: list(PageViewRestriction.objects.select_related("page"))}
    )[None]


def forget_view_restrictions(**kwargs):
    forget(RESTRICTIONS)


post_save.connect(
    forget_view_restrictions, sender=PageViewRestriction, dispatch_uid="forget_view_restrictions"
)
post_delete.connect(
    forget_view_restrictions, sender=PageViewRestriction, dispatch_uid="forget_view_restrictions"
)


class PublicPageQuerySet(PageQuerySet):
    """Wagtail's page queryset, whose `.public()` and `.not_public()` build their condition from the
    request's list of restrictions, exactly as `PageQuerySet.private_q` builds it from a fresh query."""

    def private_q(self):
        q = Q()
        for restriction in view_restrictions():
            q |= self.descendant_of_q(restriction.page, inclusive=True)
        # As Wagtail: with no private section, nothing is private.
        return q if q else Q(pk__in=[])


PublicPageManager = PageManager.from_queryset(PublicPageQuerySet)


def site_pages():
    """Every page of the site, as Wagtail's `Page.objects`, with the request's restrictions."""
    return PublicPageQuerySet(Page)


class PublicPage(models.Model):
    """What every page type of the site shares: its manager's `.public()` reads the request's list of
    restrictions, and so does the check Wagtail makes before serving the page."""

    objects = PublicPageManager()

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        """Wagtail's `Page.get_view_restrictions()`: the restrictions on this page and its ancestors,
        an alias standing for the page it copies. The ancestors come from routing when they can, the
        restrictions from the request's list; only a restricted page costs a query, to return them
        as the queryset Wagtail's callers expect."""
        chain = [self, *ancestors(self)]
        checked = {page.alias_of_id or page.pk for page in chain}
        # Above the home page only the tree's root, which is never an alias.
        root_path = self.path[: Page.steplen]
        matched = [
            restriction.pk
            for restriction in view_restrictions()
            if restriction.page_id in checked or restriction.page.path == root_path
        ]
        if not matched:
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(pk__in=matched)
