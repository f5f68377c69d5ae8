import socket

import pytest

from django.core.cache import cache

from cms.settings.base import redis_cache


@pytest.fixture
def closed_port():
    """A loopback port nothing listens on: connecting to it is refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def redis_down_caches(closed_port):
    """The production cache configuration, pointed at a Redis that is not there."""
    return {"default": redis_cache(f"redis://127.0.0.1:{closed_port}/0", "test-down")}


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()
