import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from django.utils.module_loading import import_string

from cms.settings.base import redis_cache

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


def test_the_redis_cache_behaves_as_a_miss_when_redis_is_unreachable(redis_down_caches):
    with override_settings(CACHES=redis_down_caches):
        backend = caches["default"]

        assert backend.get("anything", "fallback") == "fallback"
        backend.set("key", "value")
        assert not backend.add("key", "value")
        assert backend.get_many(["a", "b"]) == {}
        assert not backend.delete("key")
        assert not backend.has_key("key")
        assert backend.incr("counter") is None


def test_the_redis_cache_stores_and_reads_through_a_running_redis():
    location = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    with override_settings(CACHES={"default": redis_cache(location, f"test-{secrets.token_hex(4)}")}):
        backend = caches["default"]
        backend.set("probe", "value", 5)
        if backend.get("probe") is None:
            pytest.skip("no Redis at TEST_REDIS_URL")

        assert backend.get("probe") == "value"
        assert backend.add("counter", 1)
        assert backend.incr("counter") == 2
        backend.delete_many(["probe", "counter"])
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
    assert production.CACHES["default"]["BACKEND"] == "django_redis.cache.RedisCache"
    assert production.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
    assert production.DATABASES["default"]["CONN_MAX_AGE"] == 60


def test_media_stay_on_local_disk_by_default(load_settings):
    production = production_settings_under(load_settings, AWS_STORAGE_BUCKET_NAME=None)

    assert production.STORAGES["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
