"""Partners go through the workflow "Akceptacja sekretarza" (Partner gained Wagtail's WorkflowMixin): assigns it to
the Partner content type on installations already set up; new installations get the same from
``editorial.workflow.setup_workflow`` (run by this migration and by ``load_content``)."""

from django.db import migrations


def assign_workflow_to_partners(apps, schema_editor):
    from editorial.workflow import setup_workflow

    setup_workflow(apps)


def unassign_workflow_from_partners(apps, schema_editor):
    from editorial.workflow import WORKFLOW_NAME, WORKFLOW_SNIPPETS

    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    for app_label, model_name in WORKFLOW_SNIPPETS:
        WorkflowContentType.objects.filter(
            content_type__app_label=app_label, content_type__model=model_name, workflow__name=WORKFLOW_NAME
        ).delete()


class Migration(migrations.Migration):
    dependencies = [("editorial", "0005_translators_do_not_publish_snippets")]

    operations = [migrations.RunPython(assign_workflow_to_partners, unassign_workflow_from_partners)]
