"""schemathesis against the live app: every operation of the OpenAPI document (/api/v2/schema/), data that fits it
and data that does not, every check, then chains of calls along the document's links — 0 failures.

The app answers in process (Django's WSGI handler, inside the test's transaction, with the partnership's content
loaded), so the run needs no server and takes the same path on SQLite and PostgreSQL. Examples are bounded and
derandomized: CI runs the same requests every time.
"""

import hypothesis
import pytest
import schemathesis
from schemathesis.generation import GenerationMode

from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from api.openapi import build_schema
from cms.api import api_router

pytestmark = pytest.mark.django_db

#: Examples per operation and generation mode, beside the coverage phase's own cases (every parameter at its
#: bounds and just past them). Measured: with 10, as with 15, every declared parameter of every operation is sent in
#: dozens of cases (the listing of pages: about 360 cases, each parameter in 170 or more); 15 cost 6 s more CPU.
MAX_EXAMPLES = 10
STATEFUL_STEPS = 6

SETTINGS = hypothesis.settings(
    derandomize=True,
    database=None,
    deadline=None,
    # The examples hit a database and a template-rendering app: not "too slow" for a property test to mean a bug.
    suppress_health_check=list(hypothesis.HealthCheck),
)

schema = schemathesis.openapi.from_dict(build_schema(api_router))
schema.app = WSGIHandler()
# Positive and negative data; every check schemathesis has (its default selection is all of them).
schema.config.generation.update(modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE], max_examples=MAX_EXAMPLES)


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """The app answers inside the test's transaction: as with Django's test client, a request must not close the
    connection when it starts or finishes."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@SETTINGS
def test_every_operation_keeps_the_contract(case):
    case.call_and_validate()


def test_chains_of_calls_along_the_links_keep_the_contract():
    """From each listing to the detail of what it lists (the document's `links`), checked at every step."""
    machine = schema.as_state_machine()

    machine.run(settings=hypothesis.settings(SETTINGS, max_examples=MAX_EXAMPLES, stateful_step_count=STATEFUL_STEPS))
