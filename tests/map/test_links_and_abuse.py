"""Signed links are single-purpose, time-limited and bound to one entry; the form refuses robots,
floods, duplicates slip past no moderator, and bad input gets a 4xx, never a 500."""

import base64
import datetime
import io

from django.core import mail, signing
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

import time_machine

from map.models import MapEntry, Status
from map.tokens import CONFIRM, MANAGE, make_token
from tests.base import SiteTestCase
from tests.factories.map import MapEntryFactory, MapPageFactory

from .helpers import JOIN_URL, last_links, valid_submission


def encode(signed):
    return base64.urlsafe_b64encode(signed.encode()).decode().rstrip("=")


class SignedLinkTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        MapPageFactory(parent=cls.home)
        cls.entry = MapEntryFactory(status=Status.UNCONFIRMED, name="Harbourside Care Circle")

    def assert_refused(self, path, method="get"):
        response = getattr(self.client, method)(path)
        self.assertEqual(response.status_code, 403, path)
        self.assertContains(response, "This link does not work", status_code=403)

    def test_a_genuine_link_works(self):
        self.assertContains(
            self.client.get(f"/map/confirm/{make_token(self.entry, CONFIRM)}/"), "Confirm my entry"
        )
        self.assertContains(self.client.get(f"/map/manage/{make_token(self.entry, MANAGE)}/"), "Harbourside")

    def test_forged_links_are_refused(self):
        forged = encode(
            signing.TimestampSigner(key="not-the-site-key", salt=CONFIRM).sign(
                f"{self.entry.pk}.{self.entry.secret}"
            )
        )
        for token in (forged, "junk", "A" * 500, encode("1.x:abc:def"), "____"):
            self.assert_refused(f"/map/confirm/{token}/")
            self.assert_refused(f"/map/confirm/{token}/", "post")
            self.assert_refused(f"/map/manage/{token}/", "post")
        self.entry.refresh_from_db()
        self.assertEqual(self.entry.status, Status.UNCONFIRMED)

    def test_a_link_made_for_one_purpose_does_nothing_for_another(self):
        self.assert_refused(f"/map/manage/{make_token(self.entry, CONFIRM)}/")
        self.assert_refused(f"/map/confirm/{make_token(self.entry, MANAGE)}/", "post")
        self.assertTrue(MapEntry.objects.filter(pk=self.entry.pk).exists())

    def test_links_expire(self):
        confirm, manage = make_token(self.entry, CONFIRM), make_token(self.entry, MANAGE)
        with time_machine.travel(timezone.now() + datetime.timedelta(days=7, minutes=1)):
            self.assert_refused(f"/map/confirm/{confirm}/", "post")
            self.assertEqual(self.client.get(f"/map/manage/{manage}/").status_code, 200)
        with time_machine.travel(timezone.now() + datetime.timedelta(days=61)):
            self.assert_refused(f"/map/manage/{manage}/", "post")

    def test_a_link_names_one_entry_and_dies_with_its_secret(self):
        other = MapEntryFactory(status=Status.UNCONFIRMED)
        token = make_token(other, MANAGE)
        other.secret = "rotated"
        other.save()
        self.assert_refused(f"/map/manage/{token}/")
        swapped = encode(signing.TimestampSigner(salt=MANAGE).sign(f"{other.pk}.{self.entry.secret}"))
        self.assert_refused(f"/map/manage/{swapped}/")


class JoinFormAbuseTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        MapPageFactory(parent=cls.home)

    def setUp(self):
        super().setUp()
        cache.clear()
        self.browser = Client(enforce_csrf_checks=True, REMOTE_ADDR="203.0.113.9")

    def post(self, data, **extra):
        page = self.browser.get(JOIN_URL)
        token = page.cookies["csrftoken"].value
        return self.browser.post(JOIN_URL, {**data, "csrfmiddlewaretoken": token}, **extra)

    def test_csrf_is_enforced(self):
        self.assertEqual(self.browser.post(JOIN_URL, valid_submission()).status_code, 403)
        self.assertFalse(MapEntry.objects.exists())

    def test_honeypot_is_dropped_quietly(self):
        self.assertEqual(self.post(valid_submission(homepage="http://spam.example")).status_code, 302)
        self.assertFalse(MapEntry.objects.exists())
        self.assertEqual(mail.outbox, [])

    def test_consent_is_required_and_errors_are_400(self):
        response = self.post(valid_submission(agree_privacy=None, name="", kind="alien", region="mars"))
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "There is a problem with your entry", status_code=400)
        for field in ("agree_privacy", "name", "kind", "region"):
            self.assertIn(field, response.context["form"].errors)
        self.assertFalse(MapEntry.objects.exists())

    def test_script_addresses_and_hostile_values_are_refused_not_500(self):
        hostile = valid_submission(
            website="javascript:alert(1)",
            themes=["x"],
            needs=["'; drop"],
            public_fields=["email"],
            town="x" * 81,
        )
        response = self.post(hostile)
        self.assertEqual(response.status_code, 400)
        for field in ("website", "themes", "needs", "public_fields", "town"):
            self.assertIn(field, response.context["form"].errors)

    def test_flooding_is_rate_limited(self):
        for number in range(5):
            self.assertEqual(self.post(valid_submission(name=f"Group {number}")).status_code, 302)
        response = self.post(valid_submission(name="One too many"))
        self.assertContains(response, "Please try again in an hour", status_code=429)
        self.assertEqual(MapEntry.objects.count(), 5)

    def test_oversized_and_overfilled_bodies_are_refused(self):
        self.assertEqual(self.post(valid_submission(description="x" * 20_000)).status_code, 413)
        self.assertEqual(
            self.post({**valid_submission(), **{f"f{n}": "x" for n in range(100)}}).status_code, 400
        )
        self.assertEqual(Client().put(JOIN_URL).status_code, 405)
        self.assertFalse(MapEntry.objects.exists())

    def test_a_likely_duplicate_is_flagged_for_the_moderator(self):
        MapEntryFactory(name="The Kettle Street Neighbours Ltd.", website="https://elsewhere.example.org/")
        MapEntryFactory(name="Another name", website="https://www.kettle-street.example.org/about/")
        self.post(valid_submission())
        self.post(
            valid_submission(
                name="Totally different", website="https://different.example.org/", email="b@example.org"
            )
        )
        flagged = dict(
            MapEntry.objects.filter(status=Status.UNCONFIRMED).values_list("name", "possible_duplicate")
        )
        self.assertEqual(flagged, {"Kettle Street Neighbours": True, "Totally different": False})


class ExpiryTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        MapPageFactory(parent=cls.home)

    def test_unconfirmed_entries_expire_after_seven_days(self):
        old = timezone.now() - datetime.timedelta(days=7, hours=1)
        stale = MapEntryFactory(status=Status.UNCONFIRMED, created_at=old)
        fresh = MapEntryFactory(status=Status.UNCONFIRMED)
        confirmed = MapEntryFactory(status=Status.PENDING, created_at=old)
        approved = MapEntryFactory(created_at=old)
        call_command("expire_map_entries", stdout=io.StringIO())
        self.assertEqual(
            set(MapEntry.objects.values_list("pk", flat=True)), {fresh.pk, confirmed.pk, approved.pk}
        )
        self.assertFalse(MapEntry.objects.filter(pk=stale.pk).exists())

    def test_a_confirm_link_emailed_to_an_expired_entry_is_refused(self):
        self.client.post(JOIN_URL, valid_submission())
        links = last_links()
        with time_machine.travel(timezone.now() + datetime.timedelta(days=8)):
            call_command("expire_map_entries", stdout=io.StringIO())
        self.assertEqual(self.client.post(links["confirm"]).status_code, 403)
