"""Build the demo site from the organisation's real programme, idempotently."""

import secrets
from importlib import import_module

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core.demo import DemoContent
from home import demo as home_demo

# Later apps link to earlier ones (posts reflect on convenings, terms mark posts).
CONTENT_APPS = ["events", "blog", "casestudies", "glossary", "heatmap", "newsletter", "map"]
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
        demo = DemoContent(stdout=self.stdout)
        with transaction.atomic():
            standard_pages = home_demo.load(demo)
            index_pages = []
            for app in CONTENT_APPS:
                index_page = import_module(f"{app}.demo").load(demo)
                if index_page is not None:
                    index_pages.append(index_page)
            home_demo.build_navigation(
                demo,
                [*index_pages, standard_pages["toolbox"], standard_pages["about"], standard_pages["connect"]],
            )
            password = self.ensure_admin(secrets.token_urlsafe(18) if production else ADMIN_PASSWORD)
        call_command("update_index", verbosity=0)
        self.stdout.write(self.style.SUCCESS(f"Demo content ready ({demo.created} items created)."))
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
