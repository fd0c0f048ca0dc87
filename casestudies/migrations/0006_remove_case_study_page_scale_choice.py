from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("casestudies", "0005_copy_story_scales_to_snippets")]

    operations = [migrations.RemoveField(model_name="casestudypage", name="scale_choice")]
