"""A partner's e-mail and phone become its *public institutional* contact, under names that say so.

The columns are renamed, so existing values stay. Revisions and wagtail-localize's translation sources keep a
partner's fields as JSON under the old names: they are renamed there too, so that reverting to an old revision
or syncing a translation keeps the contact. Values copied from membership applications (a person's contact)
are cleared by ``membership.0003``.
"""

import json

from django.db import migrations, models

RENAMES = {"email": "public_email", "phone": "public_phone"}


def rename_keys(data, renames):
    return {renames.get(key, key): value for key, value in data.items()}


def rename_in_stored_copies(apps, renames):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    partner_type = ContentType.objects.filter(app_label="partners", model="partner").first()
    if partner_type is None:
        return
    for revision in Revision.objects.filter(base_content_type=partner_type).iterator():
        revision.content = rename_keys(revision.content, renames)
        revision.save(update_fields=["content"])
    for source in TranslationSource.objects.filter(specific_content_type=partner_type).iterator():
        source.content_json = json.dumps(rename_keys(json.loads(source.content_json), renames))
        source.save(update_fields=["content_json"])


def forwards(apps, schema_editor):
    rename_in_stored_copies(apps, RENAMES)


def backwards(apps, schema_editor):
    rename_in_stored_copies(apps, {new: old for old, new in RENAMES.items()})


class Migration(migrations.Migration):

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("partners", "0003_alter_partnerindexpage_body"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [
        migrations.RenameField(model_name="partner", old_name="email", new_name="public_email"),
        migrations.RenameField(model_name="partner", old_name="phone", new_name="public_phone"),
        migrations.AlterField(
            model_name="partner",
            name="public_email",
            field=models.EmailField(
                blank=True,
                help_text="Published on the site and in the API. An institutional address (office, secretariat), not a person's.",
                max_length=254,
                verbose_name="public e-mail of the institution",
            ),
        ),
        migrations.AlterField(
            model_name="partner",
            name="public_phone",
            field=models.CharField(
                blank=True,
                help_text="Published on the site and in the API. An institutional number, not a person's.",
                max_length=50,
                verbose_name="public phone of the institution",
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
