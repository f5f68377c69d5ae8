"""Which task backend runs the newsletter's mail: the database queue and its worker in production, immediate in
development and tests, TASKS_BACKEND overriding either; the deploy check warns when production sends inline."""

import os
import secrets
import subprocess
import sys

import pytest

from django.conf import settings
from django.test import override_settings

from newsletter.checks import tasks_run_in_a_worker

IMMEDIATE = "django_tasks.backends.immediate.ImmediateBackend"
DATABASE = "django_tasks_db.DatabaseBackend"


def default_task_backend(settings_module, **env):
    """The class of the default task backend under ``settings_module``, loaded in a fresh interpreter."""
    code = "import django; django.setup(); import django_tasks; print(type(django_tasks.task_backends['default']))"
    full_env = {name: value for name, value in os.environ.items() if name != "TASKS_BACKEND"}
    full_env.update(
        DJANGO_SETTINGS_MODULE=settings_module,
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="partnerstwo.example.org",
        **env,
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=settings.BASE_DIR, env=full_env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_production_queues_tasks_in_the_database_for_the_worker():
    assert default_task_backend("cms.settings.production") == "<class 'django_tasks_db.backend.DatabaseBackend'>"


def test_development_runs_tasks_at_once():
    assert default_task_backend("cms.settings.dev") == "<class 'django_tasks.backends.immediate.ImmediateBackend'>"


def test_tasks_backend_overrides_the_production_default():
    out = default_task_backend("cms.settings.production", TASKS_BACKEND=IMMEDIATE)

    assert out == "<class 'django_tasks.backends.immediate.ImmediateBackend'>"


@pytest.mark.parametrize("backend", [IMMEDIATE, "django_tasks.backends.dummy.DummyBackend"])
def test_the_deploy_check_warns_when_no_worker_runs_the_tasks(backend):
    with override_settings(TASKS={"default": {"BACKEND": backend}}):
        warnings = tasks_run_in_a_worker(None)

    assert [warning.id for warning in warnings] == ["newsletter.W002"]


def test_the_deploy_check_is_quiet_with_the_database_queue():
    with override_settings(TASKS={"default": {"BACKEND": DATABASE}}):
        assert tasks_run_in_a_worker(None) == []
