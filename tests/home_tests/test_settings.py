"""Production settings are safe without extra flags; secrets come only from the environment."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]


def run_python(code, **env):
    environment = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DJANGO_SETTINGS_MODULE"}}
    environment.update(env)
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=60
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_python("import django; django.setup()", DJANGO_SETTINGS_MODULE="cms.settings.production")

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_wsgi_defaults_to_production_settings():
    result = run_python(
        "import cms.wsgi, os; print(os.environ['DJANGO_SETTINGS_MODULE'])",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="example.org",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "cms.settings.production"


def test_production_trusts_no_host_and_no_origin_by_default():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.DEBUG, s.ALLOWED_HOSTS, s.CORS_ALLOWED_ORIGINS, s.CORS_ALLOW_CREDENTIALS, s.SESSION_COOKIE_SECURE)"
    )
    result = run_python(code, DJANGO_SETTINGS_MODULE="cms.settings.production", SECRET_KEY="x" * 50)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False [] [] False True"


def test_sqlite_is_configured_for_several_processes():
    database = settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("the suite runs on another database")
    assert database["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in database["OPTIONS"]["init_command"]
    assert database["OPTIONS"]["timeout"] >= 5


def test_languages_are_polish_first_then_english():
    assert settings.LANGUAGE_CODE == "pl"
    assert [code for code, _name in settings.LANGUAGES] == ["pl", "en"]
    assert settings.WAGTAIL_CONTENT_LANGUAGES == settings.LANGUAGES
