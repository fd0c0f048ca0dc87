"""Sign-in brute force: a handful of failures for one username from one address locks that pair
out for the cool-off (django-axes), with a page that says so; everyone else signs in as usual and
password resets still work."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.test import override_settings

import time_machine

from tests.base import SiteTestCase

User = get_user_model()
LOGIN_URL = "/admin/login/"
PROXY = "10.0.0.2"


@override_settings(
    AXES_ENABLED=True,
    AUTHENTICATION_BACKENDS=[
        "axes.backends.AxesStandaloneBackend",
        "django.contrib.auth.backends.ModelBackend",
    ],
)
class LoginLockoutTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.editor = User.objects.create_superuser("editor", "editor@example.org", "right-password")
        User.objects.create_superuser("colleague", "colleague@example.org", "right-password")

    def sign_in(self, username="editor", password="wrong", address="203.0.113.5", **meta):  # noqa: S107
        self.client.logout()
        return self.client.post(
            LOGIN_URL, {"username": username, "password": password}, REMOTE_ADDR=address, **meta
        )

    def lock_out(self, **kwargs):
        """The form comes back with an error until the last allowed failure, which locks out."""
        statuses = [self.sign_in(**kwargs).status_code for _ in range(settings.AXES_FAILURE_LIMIT)]
        self.assertEqual(statuses, [200] * (settings.AXES_FAILURE_LIMIT - 1) + [429])

    def assert_signed_in(self, response):
        self.assertRedirects(response, "/admin/", fetch_redirect_response=False)

    def test_lockout_after_the_failure_limit_even_with_the_right_password(self):
        self.lock_out()
        response = self.sign_in(password="right-password")
        self.assertEqual(response.status_code, 429)
        self.assertContains(response, "Too many sign-in attempts", status_code=429)
        self.assertContains(response, "15 minutes", status_code=429)
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_one_failure_fewer_still_signs_in(self):
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            self.sign_in()
        self.assert_signed_in(self.sign_in(password="right-password"))

    def test_other_users_and_other_addresses_are_unaffected(self):
        self.lock_out()
        self.assert_signed_in(self.sign_in("colleague", "right-password"))
        self.assert_signed_in(self.sign_in(password="right-password", address="198.51.100.9"))

    def test_the_cool_off_ends_the_lockout(self):
        self.lock_out()
        with time_machine.travel(datetime.timedelta(minutes=16)):
            self.assert_signed_in(self.sign_in(password="right-password"))

    def test_an_administrator_can_unlock_someone(self):
        self.lock_out()
        call_command("axes_reset_username", "editor", verbosity=0)
        self.assert_signed_in(self.sign_in(password="right-password"))

    def test_password_reset_still_works_when_locked_out(self):
        self.lock_out()
        response = self.client.post(
            "/admin/password_reset/", {"email": "editor@example.org"}, REMOTE_ADDR="203.0.113.5"
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(len(mail.outbox), 1)

    @override_settings(TRUSTED_PROXY_COUNT=1)
    def test_readers_behind_one_trusted_proxy_are_counted_apart(self):
        self.lock_out(address=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.1")
        self.assertEqual(
            self.sign_in(
                password="right-password", address=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.1"
            ).status_code,
            429,
        )
        self.assert_signed_in(
            self.sign_in(password="right-password", address=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.2")
        )

    def test_a_forged_header_does_not_escape_the_lockout(self):
        for n in range(settings.AXES_FAILURE_LIMIT):
            self.sign_in(HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")
        forged = self.sign_in(password="right-password", HTTP_X_FORWARDED_FOR="198.51.100.99")
        self.assertEqual(forged.status_code, 429)
