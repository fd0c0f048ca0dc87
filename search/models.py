"""What readers searched for and did not find, kept so editors can answer it."""

from django.db import models
from django.db.models import F
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query


class UnansweredSearch(models.Model):
    """A search whose latest run found nothing; removed as soon as the same search finds something."""

    query = models.OneToOneField(Query, on_delete=models.CASCADE, related_name="unanswered")
    last_searched_at = models.DateTimeField(default=timezone.now, db_index=True)
    times = models.PositiveIntegerField("times searched", default=1)

    class Meta:
        ordering = ["-last_searched_at"]
        verbose_name = "unanswered search"
        verbose_name_plural = "unanswered searches"

    def __str__(self):
        return self.query.query_string

    @classmethod
    def record(cls, query, found):
        """Note the outcome of one search for `query` (a Wagtail search Query, fetched with
        `select_related("unanswered")` to save a query)."""
        try:
            entry = query.unanswered
        except cls.DoesNotExist:
            entry = None
        if found:
            if entry is not None:
                entry.delete()
            return
        if entry is None:
            entry, created = cls.objects.get_or_create(query=query)
            if created:
                return
        cls.objects.filter(pk=entry.pk).update(times=F("times") + 1, last_searched_at=timezone.now())
