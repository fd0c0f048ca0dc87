from django.core.management.base import BaseCommand

from map.moderation import expire_unconfirmed


class Command(BaseCommand):
    help = "Delete map entries whose email address was not confirmed within 7 days (run daily from cron)."

    def handle(self, *args, **options):
        count = expire_unconfirmed()
        self.stdout.write(f"{count} unconfirmed map entries deleted.")
