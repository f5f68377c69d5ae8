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
