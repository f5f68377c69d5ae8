"""The workflow and its task are named in Polish only: Wagtail shows the name inside translated sentences, where a
bilingual name read "Wyślij do Akceptacja sekretarza / Secretary's approval"."""

from django.db import migrations


def rename_workflow(apps, schema_editor):
    from editorial.workflow import FORMER_NAMES, TASK_NAME, WORKFLOW_NAME

    apps.get_model("wagtailcore", "Workflow").objects.filter(name__in=FORMER_NAMES).update(name=WORKFLOW_NAME)
    apps.get_model("wagtailcore", "Task").objects.filter(name__in=FORMER_NAMES).update(name=TASK_NAME)


class Migration(migrations.Migration):
    dependencies = [("editorial", "0003_secretariat")]

    operations = [migrations.RunPython(rename_workflow, migrations.RunPython.noop)]
