"""Which task backend runs the newsletter's mail: the database queue and its worker in production, immediate in
development and tests, TASKS_BACKEND overriding either; the deploy check warns when production sends inline."""

import secrets

import pytest

from django.test import override_settings

from newsletter.checks import tasks_run_in_a_worker

IMMEDIATE = "django_tasks.backends.immediate.ImmediateBackend"
DATABASE = "django_tasks_db.DatabaseBackend"


def default_task_backend(load_settings, settings_module, **environ):
    """The default task backend that ``settings_module`` configures under the environment given."""
    environ = {"SECRET_KEY": secrets.token_urlsafe(50), "ALLOWED_HOSTS": "partnerstwo.example.org", **environ}
    return load_settings(settings_module, **{"TASKS_BACKEND": None, **environ}).TASKS["default"]["BACKEND"]


def test_production_queues_tasks_in_the_database_for_the_worker(load_settings):
    assert default_task_backend(load_settings, "cms.settings.production") == DATABASE


def test_development_runs_tasks_at_once(load_settings):
    assert default_task_backend(load_settings, "cms.settings.dev") == IMMEDIATE


def test_tasks_backend_overrides_the_production_default(load_settings):
    assert default_task_backend(load_settings, "cms.settings.production", TASKS_BACKEND=IMMEDIATE) == IMMEDIATE


@pytest.mark.parametrize("backend", [IMMEDIATE, "django_tasks.backends.dummy.DummyBackend"])
def test_the_deploy_check_warns_when_no_worker_runs_the_tasks(backend):
    with override_settings(TASKS={"default": {"BACKEND": backend}}):
        warnings = tasks_run_in_a_worker(None)

    assert [warning.id for warning in warnings] == ["newsletter.W002"]


def test_the_deploy_check_is_quiet_with_the_database_queue():
    with override_settings(TASKS={"default": {"BACKEND": DATABASE}}):
        assert tasks_run_in_a_worker(None) == []
