"""Production settings are safe without extra flags; secrets come only from the environment."""

import importlib
import os
import sys

import pytest

from django.conf import settings


def test_wsgi_defaults_to_production_settings(monkeypatch):
    monkeypatch.delenv("DJANGO_SETTINGS_MODULE")
    monkeypatch.delitem(sys.modules, "cms.wsgi", raising=False)

    importlib.import_module("cms.wsgi")

    assert os.environ["DJANGO_SETTINGS_MODULE"] == "cms.settings.production"


def test_production_trusts_no_host_and_no_origin_by_default(load_settings):
    production = load_settings(
        "cms.settings.production", SECRET_KEY="x" * 50, ALLOWED_HOSTS=None, CORS_ALLOWED_ORIGINS=None
    )

    assert production.DEBUG is False
    assert production.ALLOWED_HOSTS == []
    assert production.CORS_ALLOWED_ORIGINS == []
    assert production.CORS_ALLOW_CREDENTIALS is False
    assert production.SESSION_COOKIE_SECURE is True


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
