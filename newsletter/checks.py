from django.conf import settings
from django.core.checks import Warning, register

BACKENDS_WITHOUT_WORKER = {
    "django_tasks.backends.immediate.ImmediateBackend": "runs newsletter sending inside the web request",
    "django_tasks.backends.dummy.DummyBackend": "never runs newsletter sending or confirmation e-mails",
}


@register(deploy=True)
def tasks_run_in_a_worker(app_configs, **kwargs):
    """Sending an issue to every subscriber must not tie up a web worker (or, with the dummy backend, never run)."""
    backend = settings.TASKS.get("default", {}).get("BACKEND", "")
    if backend in BACKENDS_WITHOUT_WORKER:
        return [
            Warning(
                f"The default task backend {BACKENDS_WITHOUT_WORKER[backend]}.",
                hint="Leave TASKS_BACKEND unset in production (the database queue, django_tasks_db.DatabaseBackend) "
                "and run `manage.py db_worker` beside the web processes; see docs/DEPLOYMENT.md.",
                id="newsletter.W002",
            )
        ]
    return []
