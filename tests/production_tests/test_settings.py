import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

from cms.cache import CacheUnavailable, FailSoftRedisCache

BASE_DIR = Path(__file__).resolve().parents[2]


def test_production_settings_pass_the_deploy_check():
    """The one settings test in a process of its own: what a deployment runs, on a fresh interpreter."""
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


def test_production_settings_refuse_to_start_without_a_secret_key(load_settings):
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY must be set"):
        load_settings("cms.settings.production", SECRET_KEY="")


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


def production_settings_under(load_settings, **environ):
    return load_settings(
        "cms.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="partnerstwo.example.org",
        **environ,
    )


def test_environment_switches_media_to_s3_and_turns_on_cdn_purging(load_settings):
    production = production_settings_under(
        load_settings,
        AWS_STORAGE_BUCKET_NAME="partnerstwo-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.org",
        FRONTEND_CACHE_BACKEND="http",
        FRONTEND_CACHE_LOCATION="http://127.0.0.1:6081",
        REDIS_URL="redis://127.0.0.1:6379/1",
        DATABASE_URL="postgres://site@127.0.0.1:5432/site",
    )

    assert import_string(production.STORAGES["default"]["BACKEND"]).__name__ == "S3Storage"
    assert production.AWS_S3_ENDPOINT_URL == "https://s3.example.org"
    assert production.WAGTAILFRONTENDCACHE["default"]["LOCATION"] == "http://127.0.0.1:6081"
    assert production.CACHES["default"]["BACKEND"] == "cms.cache.FailSoftRedisCache"
    assert production.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
    assert production.DATABASES["default"]["CONN_MAX_AGE"] == 60


def test_media_stay_on_local_disk_by_default(load_settings):
    production = production_settings_under(load_settings, AWS_STORAGE_BUCKET_NAME=None)

    assert production.STORAGES["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
