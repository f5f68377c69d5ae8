"""The Sekretariat role: the partnership's secretary reads and decides membership applications, on existing
installations and new ones. Only what is missing is added (``setup_roles`` without ``reset``)."""

from django.db import migrations


def create_secretariat(apps, schema_editor):
    from editorial.roles import setup_roles

    setup_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0002_editors_send_newsletter"),
        ("membership", "0003_clear_contacts_copied_into_partners"),
    ]

    operations = [migrations.RunPython(create_secretariat, migrations.RunPython.noop)]
