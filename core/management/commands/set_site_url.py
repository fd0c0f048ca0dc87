"""Write the public address (SITE_URL, or the one given) to the default Site record."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Site

from core.site_url import apply_site_url


class Command(BaseCommand):
    help = "Point the default Site, and so every absolute link, at SITE_URL (or the given address)."

    def add_arguments(self, parser):
        parser.add_argument(
            "url", nargs="?", help="e.g. https://www.relationshipsproject.org; SITE_URL by default"
        )

    def handle(self, *args, url=None, **options):
        url = url or settings.SITE_URL
        if not url:
            raise CommandError("Give an address or set SITE_URL, e.g. https://www.relationshipsproject.org")
        try:
            changed = apply_site_url(url)
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("There is no default Site yet: run load_demo_content or add one in the admin.")
        verb = "now points at" if changed else "already points at"
        self.stdout.write(f"The default Site {verb} {site.root_url}")
