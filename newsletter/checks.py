from django.conf import settings
from django.core.checks import Warning, register

PER_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


@register(deploy=True)
def rate_limit_cache_is_shared(app_configs, **kwargs):
    """Signup rate limits count in the default cache; a per-process cache lets each process grant them anew."""
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend in PER_PROCESS_CACHES:
        return [
            Warning(
                "The default cache is not shared between server processes, so newsletter signup rate limits "
                "do not hold across them.",
                hint="Configure CACHES['default'] with a shared backend such as "
                "django.core.cache.backends.redis.RedisCache.",
                id="newsletter.W001",
            )
        ]
    return []


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
