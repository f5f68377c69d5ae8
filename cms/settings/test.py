"""Settings for the test suite: the one place pytest (and CI) takes them from."""

import os

from .base import *  # noqa: F403
from .base import redis_cache

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
CORS_ALLOWED_ORIGINS = ["https://portal.example.org"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
WAGTAILADMIN_BASE_URL = "http://testserver"
WAGTAILAPI_BASE_URL = "http://testserver"
# Per-process on purpose: each test starts from an empty cache (production shares Redis between processes).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# TEST_REDIS_URL runs the tests on Redis as production configures it; give it a database of its own (the tests
# empty the cache, which empties that whole database).
if os.environ.get("TEST_REDIS_URL"):
    CACHES = {"default": redis_cache(os.environ["TEST_REDIS_URL"], f"test-{os.getpid()}")}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# The test database (on SQLite a file in pytest's temporary folder) is built once per run by tests/conftest.py.
# The page cache is off unless a test turns it on, so no test sees a page stored by another; login
# throttling is tested on its own (client.login passes no request to django-axes).
PAGE_CACHE_SECONDS = 0
AXES_ENABLED = False
# Webhook endpoints on this machine (a portal in development, the tests' local receiver) may use plain http.
WEBHOOKS_ALLOW_HTTP_LOOPBACK = True
