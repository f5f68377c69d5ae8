"""Create the editorial roles (Editors, Translators, Moderators) and the "Secretary's approval" workflow on
every installation. Page rights and the workflow's pages follow in ``load_content`` once the pages exist."""

from django.db import migrations


def create_roles_and_workflow(apps, schema_editor):
    from editorial.roles import setup_roles
    from editorial.workflow import setup_workflow

    setup_roles(apps, reset=True)
    setup_workflow(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("home", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_roles_and_workflow, migrations.RunPython.noop)]
