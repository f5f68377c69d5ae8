from django.conf import settings
from django.core.checks import Tags, Warning, register

PROCESS_LOCAL_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


@register(Tags.caches, deploy=True)
def content_version_needs_a_shared_cache(app_configs, **kwargs):
    """The content version lives in the default cache: every process must see the same one."""
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend in PROCESS_LOCAL_CACHES:
        return [
            Warning(
                "The default cache is local to each process, so a change published in one process does not "
                "reach the pages and API validators served by another.",
                hint="Set CACHES['default'] to Redis, Memcached or the database cache.",
                id="cms.W001",
            )
        ]
    return []
