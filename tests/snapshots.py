"""Putting a serialized copy of the test database back, for fixtures around transactional tests."""

import json

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.color import no_style


def restore_snapshot(connection, snapshot):
    """Empty every table and load ``snapshot`` (from ``creation.serialize_db_to_string``) into ``connection``.

    The flush skips post_migrate, which would recreate content types under other ids; content types are loaded
    first, because signal handlers that run while the rest is restored look them up (and would create them).
    The rows come back with their ids, so PostgreSQL's id sequences are moved past them afterwards.
    """
    objects = json.loads(snapshot)
    objects.sort(key=lambda obj: obj["model"] != "contenttypes.contenttype")
    call_command("flush", database=connection.alias, interactive=False, inhibit_post_migrate=True, verbosity=0)
    ContentType.objects.clear_cache()
    connection.creation.deserialize_db_from_string(json.dumps(objects))
    reset_sequences(connection)


def reset_sequences(connection):
    """Move PostgreSQL's id sequences past the rows in the tables (a no-op on SQLite)."""
    statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models(include_auto_created=True))
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
