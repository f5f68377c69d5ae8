import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from django.core.cache import caches
from django.test import override_settings

from cms.settings.base import redis_cache

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
