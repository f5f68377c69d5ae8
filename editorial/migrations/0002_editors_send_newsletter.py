"""Editors send newsletter issues: grant the roles their rights on newsletter issues, ``send_newsletterissue``
included, on existing installations (where the newsletter app may have arrived after ``0001``) and new ones.

Only what is missing is added, and only on newsletter issues. A permission Django has not made yet (it makes them
after the last migration) is created here instead of failing."""

from django.db import migrations


def grant_newsletter_issue_rights(apps, schema_editor):
    from editorial.roles import grant_model_rights

    grant_model_rights(apps, "newsletter", "newsletterissue")


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_roles_and_workflow"),
        ("newsletter", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant_newsletter_issue_rights, migrations.RunPython.noop)]
