import pytest

from django.test import override_settings

from cms.caching.checks import default_cache_is_shared


@pytest.mark.parametrize(
    "backend", ["django.core.cache.backends.locmem.LocMemCache", "django.core.cache.backends.dummy.DummyCache"]
)
def test_the_deploy_check_warns_once_when_the_default_cache_is_local_to_each_process(backend):
    with override_settings(CACHES={"default": {"BACKEND": backend}}):
        warnings = default_cache_is_shared(None)

    assert [warning.id for warning in warnings] == ["cms.W001"]
    assert "rate limits" in warnings[0].msg and "API validators" in warnings[0].msg


def test_the_deploy_check_is_quiet_with_a_shared_cache():
    with override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache"}}):
        assert default_cache_is_shared(None) == []
