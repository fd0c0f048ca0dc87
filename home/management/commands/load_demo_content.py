"""Build the demo site from the organisation's real programme, idempotently."""

from importlib import import_module

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from home import demo as home_demo

# Later apps link to earlier ones (posts reflect on convenings, terms mark posts).
CONTENT_APPS = ["events", "blog", "casestudies", "glossary", "map"]
ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "relationships-demo"  # noqa: S105 - demo-only account, printed for the newcomer


class Command(BaseCommand):
    help = "Load demo content (safe to run repeatedly: existing content is left alone)."

    def handle(self, *args, **options):
        demo = home_demo.DemoContent(stdout=self.stdout)
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
            self.ensure_admin()
        call_command("update_index", verbosity=0)
        self.stdout.write(self.style.SUCCESS(f"Demo content ready ({demo.created} items created)."))
        self.stdout.write(
            f"Admin: http://127.0.0.1:8000/admin/  user {ADMIN_USERNAME!r}  password {ADMIN_PASSWORD!r}"
        )

    def ensure_admin(self):
        user_model = get_user_model()
        if not user_model.objects.filter(username=ADMIN_USERNAME).exists():
            user_model.objects.create_superuser(ADMIN_USERNAME, "admin@example.org", ADMIN_PASSWORD)
