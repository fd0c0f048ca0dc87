"""Site-wide models move from `home` to `core`, keeping their rows.

Only Django's record of the models moves here: the tables stay where they are (db_table) and
`home.0008` forgets the old models. The content types follow, so pages, permissions, revisions
and the search index, which point at them by id, carry on; `0002` then renames the tables.
"""

import django.db.models.deletion
import modelcluster.fields
import modelsearch.index
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

MOVED = ["navigationsettings", "mainmenuitem", "footerlink", "person", "sitesettings", "standardpage"]


def relabel_content_types(apps, old, new):
    """Point the moved models' content types at their new app, unless one there already exists.

    On a new database the role migrations may already have made the `core` ones (for people and
    settings); then nothing under `home` holds data and the stale rows are left to
    `remove_stale_contenttypes`.
    """
    ContentType = apps.get_model("contenttypes", "ContentType")
    taken = set(ContentType.objects.filter(app_label=new, model__in=MOVED).values_list("model", flat=True))
    ContentType.objects.filter(app_label=old, model__in=set(MOVED) - taken).update(app_label=new)


def forwards(apps, schema_editor):
    relabel_content_types(apps, "home", "core")


def backwards(apps, schema_editor):
    relabel_content_types(apps, "core", "home")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("home", "0007_add_toolbox_page_to_home_page"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='NavigationSettings',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ],
                    options={
                        'db_table': 'home_navigationsettings',
                        'verbose_name': 'navigation',
                    },
                ),
                migrations.CreateModel(
                    name='MainMenuItem',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('link_text', models.CharField(max_length=60)),
                        ('link_url', models.URLField(blank=True, verbose_name='or address')),
                        ('link_page', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.WAGTAIL_PAGE_MODEL)),
                        ('settings', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='menu_items', to='core.navigationsettings')),
                    ],
                    options={
                        'db_table': 'home_mainmenuitem',
                        'ordering': ['sort_order'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='FooterLink',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('link_text', models.CharField(max_length=60)),
                        ('link_url', models.URLField(blank=True, verbose_name='or address')),
                        ('link_page', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.WAGTAIL_PAGE_MODEL)),
                        ('settings', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='footer_links', to='core.navigationsettings')),
                    ],
                    options={
                        'db_table': 'home_footerlink',
                        'ordering': ['sort_order'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='Person',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=120)),
                        ('slug', models.SlugField(blank=True, help_text="Used in the author's web address.", max_length=120, unique=True)),
                        ('role', models.CharField(blank=True, help_text='e.g. Co-founder, Associate', max_length=160)),
                        ('bio', models.TextField(blank=True, help_text='Two or three sentences in the third person.', max_length=600)),
                        ('website', models.URLField(blank=True)),
                        ('bluesky', models.URLField(blank=True, help_text='Full address of their Bluesky profile')),
                        ('linkedin', models.URLField(blank=True, help_text='Full address of their LinkedIn profile')),
                        ('photo', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image')),
                    ],
                    options={
                        'db_table': 'home_person',
                        'verbose_name_plural': 'people',
                        'ordering': ['name'],
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
                migrations.CreateModel(
                    name='SiteSettings',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('organisation_name', models.CharField(default='The Relationships Project', max_length=120)),
                        ('charity_details', models.CharField(blank=True, help_text='e.g. Registered charity number and address', max_length=255)),
                        ('contact_email', models.EmailField(blank=True, max_length=254)),
                        ('newsletter_url', models.URLField(blank=True, help_text='Where the newsletter sign-up form lives')),
                        ('bluesky_url', models.URLField(blank=True)),
                        ('linkedin_url', models.URLField(blank=True)),
                        ('default_social_image', models.ForeignKey(blank=True, help_text='Used when a page is shared and has no image of its own.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image')),
                    ],
                    options={
                        'db_table': 'home_sitesettings',
                        'verbose_name': 'site settings',
                    },
                ),
                migrations.CreateModel(
                    name='StandardPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('in_brief', models.TextField(help_text='One or two sentences (aim for 160 characters, at most 300). Shown on listing cards, in search results, in feeds and when the page is shared.', max_length=300, verbose_name='In brief')),
                        ('body', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 7), ('quote', 11), ('embed', 12), ('call_to_action', 17), ('document', 20), ('testimonial', 23), ('accordion', 28), ('table', 29)], block_lookup={0: ('wagtail.blocks.CharBlock', (), {'max_length': 120}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Section heading'), ('h3', 'Subheading')], 'help_text': 'Use a section heading first; subheadings sit under a section heading.'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('wagtail.blocks.RichTextBlock', (), {'description': 'Text with headings, lists, links and glossary terms', 'features': ['h2', 'h3', 'h4', 'bold', 'italic', 'ol', 'ul', 'link', 'document-link', 'glossary'], 'icon': 'pilcrow', 'preview_value': '<p>Relationships are the first mile, not the extra one: the means by which other goals are reached, and a goal in their own right.</p>', 'template': 'blocks/paragraph_block.html'}), 4: ('wagtail.images.blocks.ImageBlock', [], {'help_text': 'Describe the image for people who cannot see it, or mark it decorative'}), 5: ('wagtail.blocks.CharBlock', (), {'max_length': 250, 'required': False}), 6: ('wagtail.blocks.CharBlock', (), {'help_text': 'e.g. Photo: Helen Simmons', 'max_length': 120, 'required': False}), 7: ('wagtail.blocks.StructBlock', [[('image', 4), ('caption', 5), ('credit', 6)]], {}), 8: ('wagtail.blocks.TextBlock', (), {}), 9: ('wagtail.blocks.CharBlock', (), {'max_length': 200, 'required': False}), 10: ('wagtail.blocks.CharBlock', (), {'help_text': 'e.g. Observatory contributor', 'max_length': 200, 'required': False}), 11: ('wagtail.blocks.StructBlock', [[('text', 8), ('attribution', 9), ('role', 10)]], {}), 12: ('wagtail.embeds.blocks.EmbedBlock', (), {'description': 'A video or post from YouTube, Vimeo and similar sites', 'icon': 'media', 'max_width': 800, 'preview_value': 'https://www.youtube.com/watch?v=_FMHXd4tMf8', 'template': 'blocks/embed_block.html'}), 13: ('wagtail.blocks.TextBlock', (), {'required': False}), 14: ('wagtail.blocks.CharBlock', (), {'help_text': "Say where the link goes, e.g. 'Sign up'", 'max_length': 60}), 15: ('wagtail.blocks.PageChooserBlock', (), {'required': False}), 16: ('wagtail.blocks.URLBlock', (), {'help_text': 'Used when no page is chosen', 'required': False}), 17: ('wagtail.blocks.StructBlock', [[('heading', 0), ('text', 13), ('link_text', 14), ('page', 15), ('url', 16)]], {}), 18: ('wagtail.documents.blocks.DocumentChooserBlock', (), {}), 19: ('wagtail.blocks.CharBlock', (), {'help_text': "Defaults to the document's title", 'required': False}), 20: ('wagtail.blocks.StructBlock', [[('document', 18), ('title', 19)]], {}), 21: ('wagtail.blocks.CharBlock', (), {'help_text': 'Leave blank to keep it anonymous', 'max_length': 120, 'required': False}), 22: ('wagtail.blocks.CharBlock', (), {'help_text': 'e.g. Relational Councils member', 'max_length': 160, 'required': False}), 23: ('wagtail.blocks.StructBlock', [[('text', 8), ('name', 21), ('context', 22)]], {}), 24: ('wagtail.blocks.CharBlock', (), {'max_length': 160}), 25: ('wagtail.blocks.RichTextBlock', (), {'features': ['h2', 'h3', 'h4', 'bold', 'italic', 'ol', 'ul', 'link', 'document-link', 'glossary']}), 26: ('wagtail.blocks.StructBlock', [[('title', 24), ('body', 25)]], {}), 27: ('wagtail.blocks.ListBlock', (26,), {}), 28: ('wagtail.blocks.StructBlock', [[('items', 27)]], {}), 29: ('wagtail.contrib.table_block.blocks.TableBlock', (), {'description': 'A simple table of figures or comparisons; give it a caption', 'icon': 'table', 'table_options': {'startCols': 3, 'startRows': 3}, 'template': 'blocks/table_block.html'})})),
                        ('listing_image', models.ForeignKey(blank=True, help_text='Shown on listing cards; leave blank to use no image.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image')),
                        ('social_image', models.ForeignKey(blank=True, help_text='Shown when the page is shared on social media (1200 × 630 works best).', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image')),
                    ],
                    options={
                        'db_table': 'home_standardpage',
                        'verbose_name': 'information page',
                    },
                    bases=('wagtailcore.page', models.Model),
                ),
            ],
        ),
        migrations.RunPython(forwards, backwards),
    ]
