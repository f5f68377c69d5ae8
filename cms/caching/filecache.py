"""The file cache (the default cache without Redis), with its size checked every few seconds, not on every write.

Django's ``FileBasedCache`` lists its whole folder after every ``set()`` to see whether it holds more than
``MAX_ENTRIES`` files (``_cull``). With thousands of stored pages, fragments and routes that listing costs more than
the rest of the write: a first render after a publish, which stores a dozen fragments at once, spent about a
quarter of its time listing the folder (docs/PERFORMANCE.md). Here the check runs at most once every
``CULL_CHECK_SECONDS`` (an option, default 5) per process; between checks the folder may grow past
``MAX_ENTRIES`` by what is written in that time, and the next check culls it as Django does.
``tests/caching_tests/test_file_cache.py`` fails if Django stops culling through ``_cull``.
"""

import time

from django.core.cache.backends.filebased import FileBasedCache


class FileCache(FileBasedCache):
    def __init__(self, dir, params):
        super().__init__(dir, params)
        options = params.get("OPTIONS", {})
        self._cull_check_seconds = float(options.get("CULL_CHECK_SECONDS", 5))
        self._next_cull_check = 0.0

    def _cull(self):
        now = time.monotonic()
        if now < self._next_cull_check:
            return
        self._next_cull_check = now + self._cull_check_seconds
        super()._cull()
