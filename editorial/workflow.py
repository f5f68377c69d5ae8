"""Review before publishing: one workflow, one approval task for the Moderators, on both languages' pages and
on the snippets that have a workflow (partners: ``WORKFLOW_SNIPPETS``).

The workflow and task names are data Wagtail shows as they are, inside translated sentences ("Wyślij do
zatwierdzenia: …"): they are in Polish, the admin's language, as the other names the team sees. Wagtail itself
e-mails the people involved (``wagtail.admin.mail``): the Moderators when something is submitted, the submitter
when it is approved or sent back, each in their own admin language.
"""

from .roles import MODERATORS, home_pages

WORKFLOW_NAME = "Akceptacja sekretarza"
TASK_NAME = "Akceptacja sekretarza"
# Snippet models (app label, model name) that go through the workflow: Wagtail assigns a snippet's workflow
# to its content type (``WorkflowContentType``), for every language at once.
WORKFLOW_SNIPPETS = (("partners", "partner"),)
# The bilingual names of installations made before editorial.0004.
FORMER_NAMES = ("Akceptacja sekretarza / Secretary's approval",)


def setup_workflow(apps):
    """Create the workflow and its task if missing, and assign it to every language's home page (and so to the
    whole site: a page's workflow is its nearest ancestor's) and to the ``WORKFLOW_SNIPPETS`` models (a model
    already given another workflow keeps it). Returns the number of things created."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    created = 0

    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        # Set by hand: historical models do not fill in the specific content type.
        content_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=content_type, active=True)
        task.groups.add(Group.objects.get(name=MODERATORS))
        created += 1

    workflow, workflow_created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    created += workflow_created
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        created += 1

    for page in home_pages(apps):
        _, page_created = WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})
        created += page_created
    for app_label, model_name in WORKFLOW_SNIPPETS:
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model_name)
        _, type_created = WorkflowContentType.objects.get_or_create(
            content_type=content_type, defaults={"workflow": workflow}
        )
        created += type_created
    return created
