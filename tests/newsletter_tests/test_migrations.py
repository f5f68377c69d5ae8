"""The consent history migration (newsletter 0004) turns each subscriber's consent fields into its first history
entries, losing nothing, and gives each subscriber its own random key.

Only the newsletter's migrations run, backwards and forwards, on the loaded test database. PostgreSQL rolls the
schema changes back with the test's transaction; SQLite cannot change a schema inside one, so there the test is
transactional and the loaded site is put back after it.
"""

from datetime import timedelta

import pytest

from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from newsletter.models import ConsentEvent, Subscriber, sha256

BEFORE_HISTORY = ("newsletter", "0003_issue_send_task")
TRANSACTIONAL = connection.vendor == "sqlite"


def migrate(executor, targets):
    executor.loader.build_graph()
    executor.migrate(targets)


def fill_the_old_schema(apps, now):
    OldSubscriber = apps.get_model("newsletter", "Subscriber")
    text = apps.get_model("newsletter", "ConsentText").objects.filter(language="pl").order_by("-version").first()
    consent = {
        "consent_text": text,
        "consent_text_sha256": sha256(text.text),
        "consent_source": "http://testserver/pl/",
        "consented_at": now - timedelta(days=3),
        "consent_ip": "192.0.2.1",
        "consent_user_agent": "Old/1.0",
    }
    OldSubscriber.objects.create(email="pending@example.org", language="pl", status="pending", **consent)
    OldSubscriber.objects.create(
        email="confirmed@example.org",
        language="pl",
        status="confirmed",
        confirmed_at=now - timedelta(days=2),
        confirmation_ip="192.0.2.2",
        **consent,
    )
    OldSubscriber.objects.create(email="gone@example.org", language="en", status="unsubscribed", unsubscribed_at=now)
    return text


@pytest.mark.django_db(transaction=TRANSACTIONAL)
def test_the_consent_fields_of_existing_subscribers_become_their_first_history_entries():
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    now = timezone.now()
    try:
        migrate(executor, [BEFORE_HISTORY])
        others = [node for node in executor.loader.graph.leaf_nodes() if node[0] != "newsletter"]
        text = fill_the_old_schema(executor.loader.project_state([BEFORE_HISTORY, *others]).apps, now)

        migrate(executor, latest)

        def history(email):
            return list(
                ConsentEvent.objects.filter(subscriber__email=email).order_by("created_at").values_list("kind", "ip")
            )

        assert history("pending@example.org") == [("requested", "192.0.2.1")]
        assert history("confirmed@example.org") == [("requested", "192.0.2.1"), ("confirmed", "192.0.2.2")]
        assert history("gone@example.org") == [("unsubscribed", None)]
        request = ConsentEvent.objects.get(subscriber__email="confirmed@example.org", kind="requested")
        assert (request.consent_text_id, request.consent_text_sha256, request.source, request.user_agent) == (
            text.pk,
            sha256(text.text),
            "http://testserver/pl/",
            "Old/1.0",
        )
        assert request.created_at == now - timedelta(days=3)
        assert ConsentEvent.objects.get(kind="confirmed").request == request
        statuses = dict(Subscriber.objects.values_list("email", "status"))
        assert statuses == {
            "pending@example.org": "pending",
            "confirmed@example.org": "confirmed",
            "gone@example.org": "unsubscribed",
        }
        keys = set(Subscriber.objects.values_list("key", flat=True))
        assert len(keys) == 3 and all(len(key) >= 32 for key in keys)
    finally:
        migrate(executor, latest)
