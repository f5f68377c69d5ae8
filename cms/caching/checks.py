from django.conf import settings
from django.core.checks import Tags, Warning, register

PROCESS_LOCAL_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


@register(Tags.caches, deploy=True)
def default_cache_is_shared(app_configs, **kwargs):
    """The content version (pages, fragments, API validators) and every rate limit live in the default cache:
    every process must see the same one."""
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend in PROCESS_LOCAL_CACHES:
        return [
            Warning(
                "The default cache is local to each process, so a change published in one process does not "
                "reach the pages and API validators served by another, and each process grants the rate limits anew.",
                hint="Set CACHES['default'] to Redis (REDIS_URL), Memcached or the database cache.",
                id="cms.W001",
            )
        ]
    return []
