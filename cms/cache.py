"""Django's own Redis cache backend, made to fail soft: when Redis is unreachable the site keeps answering.

The stock ``RedisCache`` raises ``redis.ConnectionError`` from every call once Redis stops, which turns each
page view into a 500. Here every operation that fails to reach Redis behaves like a cache miss (``get``
returns the default, ``set`` stores nothing), logs one warning, and Redis is left alone for
``RETRY_AFTER`` seconds so that a dead server costs one short socket timeout per interval and process,
not one per cache call. Configure short ``socket_connect_timeout`` / ``socket_timeout`` in ``OPTIONS``.
"""

import logging
import time

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)

UNAVAILABLE = (RedisConnectionError, RedisTimeoutError, OSError)


class CacheUnavailable(ValueError):
    """Raised by ``incr``/``decr`` while Redis is down: callers already handle ValueError (missing key)."""


class FailSoftRedisCache(RedisCache):
    #: Seconds to skip Redis after a failure before trying it again.
    RETRY_AFTER = 5.0

    def __init__(self, server, params):
        super().__init__(server, params)
        self._down_until = 0.0

    @property
    def is_available(self):
        return time.monotonic() >= self._down_until

    def _call(self, fallback, operation, *args, **kwargs):
        if not self.is_available:
            return fallback()
        try:
            return operation(*args, **kwargs)
        except UNAVAILABLE as error:
            self._down_until = time.monotonic() + self.RETRY_AFTER
            logger.warning("Cache unavailable, bypassing it for %.0f s: %s", self.RETRY_AFTER, error)
            return fallback()

    def get(self, key, default=None, version=None):
        return self._call(lambda: default, super().get, key, default, version)

    def get_many(self, keys, version=None):
        return self._call(dict, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._call(lambda: False, super().has_key, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(lambda: False, super().add, key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(lambda: None, super().set, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(lambda: list(data), super().set_many, data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(lambda: False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._call(lambda: False, super().delete, key, version)

    def delete_many(self, keys, version=None):
        return self._call(lambda: None, super().delete_many, keys, version)

    def incr(self, key, delta=1, version=None):
        def unavailable():
            raise CacheUnavailable("the cache is unavailable")

        return self._call(unavailable, super().incr, key, delta, version)

    def clear(self):
        return self._call(lambda: False, super().clear)
