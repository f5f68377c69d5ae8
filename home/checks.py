from django.conf import settings
from django.core.checks import Tags, Warning, register

PROCESS_LOCAL_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


@register(Tags.caches, deploy=True)
def default_cache_is_shared(app_configs, **kwargs):
    """The API's ETags and every rate limit are kept in the default cache: every process must see the same."""
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend in PROCESS_LOCAL_CACHES:
        return [
            Warning(
                "The default cache is local to each process, so a change published in one process does not "
                "change the API's ETags served by another, and each process grants the rate limits anew.",
                hint="Set CACHES['default'] to Redis (REDIS_URL), Memcached or the database cache.",
                id="home.W001",
            )
        ]
    return []
