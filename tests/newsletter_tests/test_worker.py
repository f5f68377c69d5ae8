"""Newsletter mail through the database queue and its worker (production's setup): a request only queues the
work, `manage.py db_worker` does it, and neither a second click nor a second run mails anyone twice.

Transactional, as in production: the worker runs its own transactions and the send view queues its task once
the request's changes are committed. Runs on SQLite and on PostgreSQL (DATABASE_URL=postgres://… pytest)."""

import logging
import re
import signal

import pytest
from django_tasks_db.models import DBTaskResult

from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command

from newsletter.emails import unsubscribe_url
from newsletter.models import NewsletterDelivery, Subscriber
from newsletter.tokens import request_for_confirmation

from ..factories.newsletter import NewsletterIssueFactory, SubscriberFactory
from .conftest import form_data

pytestmark = pytest.mark.django_db(transaction=True)

SEND_ISSUE = "newsletter.tasks.send_issue"
SEND_CONFIRMATION = "newsletter.tasks.send_confirmation_link"
QUEUED = "Queued: the background worker will send this issue shortly."


class UnreachableMailServer(BaseEmailBackend):
    """An SMTP server that refuses the connection, as when it is down."""

    def open(self):
        raise ConnectionRefusedError("mail server unreachable")

    def send_messages(self, email_messages):
        self.open()


@pytest.fixture(autouse=True)
def database_queue(settings):
    """Production's task backend: tasks wait in the database for the worker."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def run_worker():
    """`manage.py db_worker --batch`: run every task waiting in the queue, then stop. The command installs its
    own signal handlers and log levels for a long-running process; they are put back afterwards."""
    signals = [signal.SIGINT, signal.SIGTERM, signal.SIGQUIT]
    handlers = {number: signal.getsignal(number) for number in signals}
    loggers = [logging.getLogger(name) for name in ("django_tasks", "django_tasks_db")]
    levels = {logger: (logger.level, list(logger.handlers)) for logger in loggers}

    def run():
        call_command("db_worker", batch=True, interval=0, startup_delay=False, reload=False, verbosity=0)

    yield run
    for number, handler in handlers.items():
        signal.signal(number, handler)
    for logger, (level, handlers_before) in levels.items():
        logger.setLevel(level)
        logger.handlers[:] = handlers_before


@pytest.fixture
def audience():
    """Two confirmed Polish readers, and people who must not get the Polish issue."""
    readers = SubscriberFactory.create_batch(2, language="pl", confirmed=True)
    SubscriberFactory(language="en", confirmed=True)
    SubscriberFactory(language="pl")  # not confirmed yet
    return readers


def queued(task_path):
    return DBTaskResult.objects.filter(task_path=task_path, status="READY")


def send_page(issue):
    return f"/admin/snippets/newsletter/newsletterissue/send/{issue.pk}/"


def confirm_page(issue):
    """Where "Send now" leads: the confirmation whose POST sends."""
    return f"{send_page(issue)}confirm/"


def progress_of(html):
    """The send page's progress list as {label: number}."""
    flat = "".join(html.split())
    labels = ("sent", "failed", "waiting", "total")
    return {label: int(flat.split(f"<dt>{label}</dt><dd>", 1)[1].split("<", 1)[0]) for label in labels}


def test_sending_from_the_admin_only_queues_the_issue(admin, audience, locale_pl, mailoutbox):
    issue = NewsletterIssueFactory(locale=locale_pl)

    response = admin.post(confirm_page(issue))

    assert response.status_code == 302
    assert mailoutbox == []
    assert queued(SEND_ISSUE).count() == 1
    issue.refresh_from_db()
    assert issue.send_requested_at is not None and issue.send_finished_at is None
    page = admin.get(send_page(issue)).content.decode()
    assert QUEUED in page
    assert progress_of(page) == {"sent": 0, "failed": 0, "waiting": 0, "total": 0}


def test_the_worker_mails_each_confirmed_subscriber_of_the_language_once_with_their_own_link(
    admin, audience, locale_pl, mailoutbox, run_worker
):
    issue = NewsletterIssueFactory(locale=locale_pl)
    admin.post(confirm_page(issue))

    run_worker()

    assert sorted(message.to[0] for message in mailoutbox) == sorted(reader.email for reader in audience)
    for message in mailoutbox:
        reader = Subscriber.objects.get(email=message.to[0])
        link = unsubscribe_url(reader)
        assert message.extra_headers["List-Unsubscribe"] == f"<{link}>"
        assert link in message.body
    assert queued(SEND_ISSUE).count() == 0
    assert DBTaskResult.objects.get(task_path=SEND_ISSUE).status == "SUCCESSFUL"
    page = admin.get(send_page(issue)).content.decode()
    assert QUEUED not in page
    assert progress_of(page) == {"sent": 2, "failed": 0, "waiting": 0, "total": 2}


def test_two_clicks_and_two_worker_runs_still_mail_each_subscriber_once(
    admin, audience, locale_pl, mailoutbox, run_worker
):
    issue = NewsletterIssueFactory(locale=locale_pl)

    admin.post(confirm_page(issue))
    admin.post(confirm_page(issue))
    assert queued(SEND_ISSUE).count() == 2
    run_worker()
    admin.post(confirm_page(issue))
    run_worker()

    assert sorted(message.to[0] for message in mailoutbox) == sorted(reader.email for reader in audience)
    assert NewsletterDelivery.objects.filter(issue=issue, status=NewsletterDelivery.Status.SENT).count() == 2
    assert DBTaskResult.objects.filter(task_path=SEND_ISSUE, status="SUCCESSFUL").count() == 3


def test_the_confirmation_email_of_a_signup_waits_for_the_worker(client, mailoutbox, run_worker):
    response = client.post("/pl/newsletter/subscribe/", form_data("nowa.osoba@example.org"))

    assert response.status_code == 302
    assert mailoutbox == []
    assert queued(SEND_CONFIRMATION).count() == 1

    run_worker()

    subscriber = Subscriber.objects.get(email="nowa.osoba@example.org")
    assert [message.to for message in mailoutbox] == [[subscriber.email]]
    token = re.search(r"/newsletter/confirm/([^/\s]+)/", mailoutbox[0].body).group(1)
    assert request_for_confirmation(token).subscriber == subscriber
    assert queued(SEND_CONFIRMATION).count() == 0


def test_a_run_that_fails_is_shown_and_sending_again_mails_whoever_was_waiting(
    admin, audience, locale_pl, mailoutbox, run_worker, settings
):
    issue = NewsletterIssueFactory(locale=locale_pl)
    admin.post(confirm_page(issue))
    settings.EMAIL_BACKEND = f"{__name__}.UnreachableMailServer"

    run_worker()

    assert mailoutbox == []
    assert DBTaskResult.objects.get(task_path=SEND_ISSUE).status == "FAILED"
    page = admin.get(send_page(issue)).content.decode()
    assert "The last sending run stopped with an error (ConnectionRefusedError)." in page
    assert progress_of(page) == {"sent": 0, "failed": 0, "waiting": 2, "total": 2}

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    admin.post(confirm_page(issue))
    run_worker()

    assert sorted(message.to[0] for message in mailoutbox) == sorted(reader.email for reader in audience)
    assert progress_of(admin.get(send_page(issue)).content.decode())["sent"] == 2
