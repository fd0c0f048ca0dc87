"""Delete Heatmap results (and emptied groups) older than HEATMAP_RETENTION_MONTHS; run daily from cron."""

import calendar

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from heatmap.models import HeatmapGroup, HeatmapResult


def months_before(moment, months):
    """The same day and time `months` calendar months earlier (the month's last day if shorter)."""
    year, month_index = divmod(moment.year * 12 + moment.month - 1 - months, 12)
    day = min(moment.day, calendar.monthrange(year, month_index + 1)[1])
    return moment.replace(year=year, month=month_index + 1, day=day)


class Command(BaseCommand):
    help = "Delete Heatmap results started more than HEATMAP_RETENTION_MONTHS ago (24 by default)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be deleted.")

    def handle(self, *args, dry_run=False, **options):
        cutoff = months_before(timezone.now(), settings.HEATMAP_RETENTION_MONTHS)
        results = HeatmapResult.objects.filter(created_at__lt=cutoff)
        groups = HeatmapGroup.objects.filter(created_at__lt=cutoff)
        if dry_run:
            self.stdout.write(
                f"Would delete {results.count()} results and {groups.count()} groups older than {cutoff:%Y-%m-%d}."
            )
            return
        with transaction.atomic():
            deleted_results, _ = results.delete()
            # A group outlives its cutoff only while it still holds newer answers.
            deleted_groups, _ = groups.annotate(left=Count("results")).filter(left=0).delete()
        self.stdout.write(
            f"Deleted {deleted_results} rows of results and answers and {deleted_groups} rows of groups older than {cutoff:%Y-%m-%d}."
        )
