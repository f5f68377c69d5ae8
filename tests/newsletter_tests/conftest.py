import pytest

from django.db import connection

from newsletter.models import ConsentText
from tests.snapshots import restore_snapshot


@pytest.fixture(scope="module")
def loaded_site_restored_afterwards(django_db_setup, django_db_blocker):
    """For transactional tests, which end by emptying every table. Hand Django a snapshot of the loaded site as
    their serialized rollback (so the emptying skips post_migrate), and put the snapshot back after the module,
    with PostgreSQL's id sequences moved past the restored rows."""
    with django_db_blocker.unblock():
        snapshot = connection.creation.serialize_db_to_string()
    previous = getattr(connection, "_test_serialized_contents", None)
    connection._test_serialized_contents = snapshot
    yield
    with django_db_blocker.unblock():
        restore_snapshot(connection, snapshot)
    if previous is None:
        del connection._test_serialized_contents
    else:
        connection._test_serialized_contents = previous


def form_data(email, language="pl", **overrides):
    """What the footer form posts for a visitor who ticked the box under the current consent text."""
    data = {
        "email": email,
        "consent": "on",
        "consent_version": ConsentText.current(language).version,
        "source": f"/{language}/",
        "website": "",
    }
    data.update(overrides)
    return data


def api_payload(email, language="pl", **overrides):
    payload = {
        "email": email,
        "language": language,
        "consent": True,
        "consent_version": ConsentText.current(language).version,
    }
    payload.update(overrides)
    return payload
