import pytest

from home.content_events import public_content_changed


class Events(list):
    """The ``public_content_changed`` events sent while the fixture is active, as (sender, instance, action)."""

    def actions(self):
        return [(sender.__name__, action) for sender, _instance, action in self]


@pytest.fixture
def content_events():
    events = Events()

    def record(sender, instance, action, **kwargs):
        events.append((sender, instance, action))

    public_content_changed.connect(record, weak=False, dispatch_uid="test_content_events")
    yield events
    public_content_changed.disconnect(dispatch_uid="test_content_events")
