"""Background work through django-tasks: immediate in development and tests, a worker process in production
(``manage.py db_worker``, see docs/DEPLOYMENT.md)."""

from django_tasks import TaskResultStatus, task
from django_tasks.exceptions import TaskResultDoesNotExist

from . import sending
from .emails import confirmation_email
from .models import ConsentEvent, NewsletterIssue, Subscriber


# Named apart from the task it replaced (which took a subscriber id), so that a run queued before the change
# fails to load rather than reading a subscriber id as a request id.
@task()
def send_confirmation_link(request_id):
    """Mail the confirmation link of one signup request, unless the address is confirmed meanwhile."""
    request = (
        ConsentEvent.objects.select_related("subscriber")
        .filter(pk=request_id, kind=ConsentEvent.Kind.REQUESTED, key__isnull=False)
        .exclude(subscriber__status=Subscriber.Status.CONFIRMED)
        .first()
    )
    if request is None:
        return False
    confirmation_email(request).send()
    return True


@task()
def send_issue(issue_id):
    return sending.send_issue(issue_id)


def request_sending(issue):
    """Queue a sending run of ``issue`` and remember its task, whose state the send page shows."""
    result = send_issue.enqueue(issue.pk)
    NewsletterIssue.objects.filter(pk=issue.pk).update(send_task_id=result.id)
    return result


# What the send page tells editors about a run, by the state of its task.
RUN_STATES = {
    TaskResultStatus.READY: "queued",
    TaskResultStatus.RUNNING: "running",
    TaskResultStatus.FAILED: "failed",
    TaskResultStatus.SUCCESSFUL: "finished",
}


def last_sending_run(issue):
    """The issue's last queued sending run as ``(state, exception class name)``, the state one of RUN_STATES'
    values; ``None`` when it cannot be told: never queued, a backend that keeps no results (the immediate one
    runs it inside the request), or a result already pruned from the queue."""
    if not issue.send_task_id:
        return None
    try:
        result = send_issue.get_result(issue.send_task_id)
    except (NotImplementedError, TaskResultDoesNotExist):
        return None
    error = result.errors[-1].exception_class_path.rsplit(".", 1)[-1] if result.errors else ""
    return RUN_STATES[result.status], error
