"""Retire cached pages when a public entry changes or goes, and only then: a new, unconfirmed or
pending entry shows nowhere, so it should not empty the site's cache."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from home.page_cache import bump_generation

from .models.entries import MapEntry, Status


@receiver(post_save, sender=MapEntry)
def entry_saved(sender, instance, **kwargs):
    if Status.APPROVED in (instance.status, instance.loaded_status):
        bump_generation()
    instance.loaded_status = instance.status


@receiver(post_delete, sender=MapEntry)
def entry_deleted(sender, instance, **kwargs):
    bump_generation()
