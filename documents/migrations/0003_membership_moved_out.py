"""The accession page and the membership applications now belong to the membership app (its 0001 migration
took their tables and content types over): they leave the documents app's state, and nothing is dropped."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('documents', '0002_quote_source_language'),
        ('membership', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name='AccessionPage'),
                migrations.DeleteModel(name='MembershipApplication'),
            ],
        ),
    ]
