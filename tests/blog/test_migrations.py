"""The migration that numbers a series' parts from one."""

from django.test import TransactionTestCase

from tests.base import build_site_tree, restore_wagtail_roots
from tests.factories.blog import BlogIndexPageFactory, BlogPageFactory, SeriesFactory
from tests.migrating import latest, migrate

BEFORE_NUMBERING = [("blog", "0007_rename_testimonial_fields_to_quote_fields")]


class SeriesNumberingTests(TransactionTestCase):
    def setUp(self):
        restore_wagtail_roots()
        self.addCleanup(migrate, latest())
        blog = BlogIndexPageFactory(parent=build_site_tree())
        series, other = SeriesFactory(), SeriesFactory()
        self.posts = [
            BlogPageFactory(parent=blog, series=series, series_position=position) for position in (1, 2, None)
        ]
        self.posts += [
            BlogPageFactory(parent=blog, series=other, series_position=3),
            BlogPageFactory(parent=blog),
        ]
        # A draft of the first part that moves it after the second.
        self.posts[0].series_position = 3
        self.draft = self.posts[0].save_revision()

    def test_parts_numbered_from_zero_move_up_one_in_order(self):
        old = migrate(BEFORE_NUMBERING)
        BlogPage = old.get_model("blog", "BlogPage")
        # Before the check, an editor could number a part 0, here the first of a series and a lone post.
        for post, position in zip(self.posts, (0, 1, None, 3, 0), strict=True):
            BlogPage.objects.filter(pk=post.pk).update(series_position=position)

        new = migrate(latest())
        positions = new.get_model("blog", "BlogPage").objects.in_bulk([post.pk for post in self.posts])
        self.assertEqual([positions[post.pk].series_position for post in self.posts], [1, 2, None, 3, 1])
        draft = new.get_model("wagtailcore", "Revision").objects.get(pk=self.draft.pk)
        self.assertEqual(draft.content["series_position"], 4)
