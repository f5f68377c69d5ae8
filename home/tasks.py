"""Background work of the site as a whole (django-tasks): run by the worker in production."""

from django_tasks import task

from django.utils import timezone

from .personal_data import purge_expired


@task()
def purge_personal_data():
    """The daily purge of personal data past its retention period (cron enqueues it, see docs/DEPLOYMENT.md)."""
    return purge_expired(timezone.now())
