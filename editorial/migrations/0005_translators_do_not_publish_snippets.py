"""Translators no longer publish translatable snippets (partners, …): their edits stay drafts until a Moderator
publishes them, so nothing reaches the English site unreviewed. Withdraws the Translators' right and grants the
Moderators theirs on installations already set up; new installations get the same from roles.py."""

from django.db import migrations


def withdraw_snippet_publishing(apps, schema_editor):
    from editorial.roles import TRANSLATORS, grant_model_rights, snippet_types, withdraw_model_rights

    withdraw_model_rights(apps, TRANSLATORS, "publish")
    for snippet in snippet_types():
        if snippet.translatable:
            grant_model_rights(apps, snippet.app_label, snippet.model_name)


class Migration(migrations.Migration):
    dependencies = [("editorial", "0004_polish_workflow_name")]

    operations = [migrations.RunPython(withdraw_snippet_publishing, migrations.RunPython.noop)]
