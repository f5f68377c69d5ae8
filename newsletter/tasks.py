"""Background work through django-tasks: immediate in development and tests, a worker process in production."""

from django_tasks import task

from . import sending
from .emails import confirmation_email
from .models import Subscriber


@task()
def send_confirmation_email(subscriber_id):
    subscriber = Subscriber.objects.filter(pk=subscriber_id, status=Subscriber.Status.PENDING).first()
    if subscriber is None:
        return False
    confirmation_email(subscriber).send()
    return True


@task()
def send_issue(issue_id):
    return sending.send_issue(issue_id)
