from django.db import migrations


def empty_the_index(apps, schema_editor):
    """The keys change from stems to dictionary lemmas: the old rows cannot be read. `manage.py
    rebuild_search_entries` fills the index again after this migration (docs/DEPLOYMENT.md, README)."""
    apps.get_model("search", "SearchEntry").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0004_searchentry_drop_keys_add_match_index")]

    # Apart from the schema change (0006): on PostgreSQL a table with pending deletions cannot be altered.
    operations = [migrations.RunPython(empty_the_index, migrations.RunPython.noop)]
