"""Build the demo site from the organisation's real programme, idempotently."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from wagtail.models import Page

from core.demo_loader import DemoContent
from core.site_url import apply_site_url

# Each app's file makes what later ones link to (people write posts, posts reflect on convenings,
# terms name posts); the settings and menu come last, once every page they name exists.
APPS = ["core", "home", "events", "blog", "casestudies", "glossary", "heatmap", "newsletter", "map"]
DATA_FILES = [
    *(settings.BASE_DIR / app / "demo" / "content.yaml" for app in APPS),
    settings.BASE_DIR / "core/demo/navigation.yaml",
]
ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "relationships-demo"  # noqa: S105 - demo-only account, printed for the newcomer


class Command(BaseCommand):
    help = "Load demo content (safe to run repeatedly: existing content is left alone)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load it under production settings too; the admin account then gets a random password.",
        )

    def handle(self, *args, **options):
        production = getattr(settings, "PRODUCTION", False)
        if production and not options["force"]:
            raise CommandError(
                "These are production settings: the demo content and its admin account do not belong on "
                "a real site. Run with --force to load it anyway (the admin gets a random password)."
            )
        demo = DemoContent()
        with transaction.atomic():
            # Wagtail's placeholder welcome page (a plain Page, with the default Site) makes way for the demo's.
            Page.objects.filter(depth=2).exact_type(Page).delete()
            demo.load(DATA_FILES)
            apply_site_url()  # the demo's Site record is at localhost until SITE_URL says otherwise
            password = self.ensure_admin(secrets.token_urlsafe(18) if production else ADMIN_PASSWORD)
        call_command("update_index", verbosity=0)
        self.stdout.write(self.style.SUCCESS(f"Demo content ready ({len(demo.made)} items created)."))
        if production and password is None:
            self.stdout.write(f"Admin: user {ADMIN_USERNAME!r} already existed; its password is unchanged.")
        elif production:
            self.stdout.write(f"Admin: user {ADMIN_USERNAME!r}  password {password!r} (shown this once only)")
        else:
            self.stdout.write(
                f"Admin: http://127.0.0.1:8000/admin/  user {ADMIN_USERNAME!r}  password {ADMIN_PASSWORD!r}"
            )

    def ensure_admin(self, password):
        """Create the admin account with `password`; None when it already exists."""
        user_model = get_user_model()
        if user_model.objects.filter(username=ADMIN_USERNAME).exists():
            return None
        user_model.objects.create_superuser(ADMIN_USERNAME, "admin@example.org", password)
        return password
