import uuid

from django.db import migrations


def give_each_event_a_uid(apps, schema_editor):
    EventPage = apps.get_model("events", "EventPage")
    for page in EventPage.objects.filter(uid__isnull=True).only("pk"):
        EventPage.objects.filter(pk=page.pk).update(uid=uuid.uuid4())


class Migration(migrations.Migration):
    dependencies = [("events", "0002_add_convening_details_to_event_page")]

    operations = [migrations.RunPython(give_each_event_a_uid, migrations.RunPython.noop)]
