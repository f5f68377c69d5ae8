"""The content version: one value, in the shared cache, that changes whenever public content changes.

Every cache of ``cms.caching`` is keyed on it (pages, fragments, stored Sites and routes) or derived from it
(the API's ``ETag`` and ``Last-Modified``), so one ``public_content_changed`` event empties them all at once
on every app server sharing the cache: stored entries of older versions are never read again and expire.

The version is ``(number, changed_at)``: a number that only grows (nanoseconds of the first change, so it
never repeats after the cache is emptied) and the Unix time it began. With the cache server down every read
gives a new version: nothing is served from a cache, no answer is a 304, and the site keeps answering.
"""

import time
from typing import NamedTuple

from django.core.cache import cache
from django.db import transaction

KEY = "content:version"


class ContentVersion(NamedTuple):
    number: int
    changed_at: float

    def __str__(self):
        return str(self.number)


def content_version():
    """The current version, started now if the cache holds none."""
    version = cache.get(KEY)
    if version is None:
        cache.add(KEY, (time.time_ns(), time.time()), timeout=None)
        version = cache.get(KEY) or (time.time_ns(), time.time())
    return ContentVersion(*version)


def for_request(request):
    """The version as the request first read it (``request.content_version``).

    Read once, before the view reads any content: what the request renders from content older than a change
    is never stored under the version that change started.
    """
    version = getattr(request, "content_version", None)
    if version is None:
        version = request.content_version = content_version()
    return version


def start_new_version():
    previous = content_version()
    cache.set(KEY, (max(previous.number + 1, time.time_ns()), time.time()), timeout=None)


def content_changed(**kwargs):
    """Receiver of ``public_content_changed``: a new version now, and another once the change is committed
    (a request that read the old rows in between could otherwise store them under the first new version)."""
    start_new_version()
    transaction.on_commit(start_new_version)
