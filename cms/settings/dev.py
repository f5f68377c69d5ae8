"""Local development: debug pages, mail to the console, a fixed key that is useless anywhere else."""

import os

from .base import *  # noqa: F403
from .base import env_list

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-never-use-in-production"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS", "http://localhost:8001,http://127.0.0.1:8001")
# Webhook endpoints on this machine (a portal in development, the tests' local receiver) may use plain http.
WEBHOOKS_ALLOW_HTTP_LOOPBACK = True
