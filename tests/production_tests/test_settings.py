import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from cms.cache import CacheUnavailable, FailSoftRedisCache

BASE_DIR = Path(__file__).resolve().parents[2]


def test_production_settings_pass_the_deploy_check():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "partnerstwo.example.org",
    }
    # The browser tests set it for Playwright in this process; a deployment never has it.
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.production", "SECRET_KEY": ""}
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_fail_soft_cache_behaves_as_a_miss_when_redis_is_unreachable(closed_port):
    backend = FailSoftRedisCache(
        f"redis://127.0.0.1:{closed_port}/0", {"OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5}}
    )

    assert backend.get("anything", "fallback") == "fallback"
    assert not backend.is_available
    backend.set("key", "value")
    assert backend.add("key", "value") is False
    assert backend.get_many(["a", "b"]) == {}
    assert backend.set_many({"a": 1}) == ["a"]
    assert backend.delete("key") is False
    assert backend.has_key("key") is False
    with pytest.raises(CacheUnavailable):
        backend.incr("counter")


def test_fail_soft_cache_stores_and_reads_through_a_running_redis():
    backend = FailSoftRedisCache(
        os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15"),
        {"KEY_PREFIX": f"test-{secrets.token_hex(4)}", "OPTIONS": {"socket_connect_timeout": 0.25}},
    )
    backend.set("probe", "value", 5)
    if not backend.is_available:
        pytest.skip("no Redis at TEST_REDIS_URL")

    assert backend.get("probe") == "value"
    assert backend.add("counter", 1)
    assert backend.incr("counter") == 2
    backend.delete("probe")
    assert backend.get("probe") is None


def settings_under(env, expression):
    """Evaluate ``expression`` with the production settings loaded from ``env`` in a fresh interpreter."""
    code = f"import django; django.setup(); from django.conf import settings; print(repr({expression}))"
    full_env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "partnerstwo.example.org",
        **env,
    }
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=BASE_DIR, env=full_env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_environment_switches_media_to_s3_and_turns_on_cdn_purging():
    out = settings_under(
        {
            "AWS_STORAGE_BUCKET_NAME": "partnerstwo-media",
            "AWS_S3_ENDPOINT_URL": "https://s3.example.org",
            "FRONTEND_CACHE_BACKEND": "http",
            "FRONTEND_CACHE_LOCATION": "http://127.0.0.1:6081",
            "REDIS_URL": "redis://127.0.0.1:6379/1",
            "DATABASE_URL": "postgres://site@127.0.0.1:5432/site",
        },
        "(type(__import__('django.core.files.storage').core.files.storage.storages['default']).__name__, "
        "settings.AWS_S3_ENDPOINT_URL, settings.WAGTAILFRONTENDCACHE['default']['LOCATION'], "
        "settings.CACHES['default']['BACKEND'], settings.DATABASES['default']['ENGINE'], "
        "settings.DATABASES['default']['CONN_MAX_AGE'])",
    )

    assert "'S3Storage'" in out
    assert "https://s3.example.org" in out
    assert "http://127.0.0.1:6081" in out
    assert "cms.cache.FailSoftRedisCache" in out
    assert "django.db.backends.postgresql" in out
    assert out.endswith("60)")


def test_media_stay_on_local_disk_by_default():
    out = settings_under({"AWS_STORAGE_BUCKET_NAME": ""}, "settings.STORAGES['default']['BACKEND']")

    assert out == "'django.core.files.storage.FileSystemStorage'"
