import pytest

from django.db import OperationalError
from django.test import override_settings

from cms import views

pytestmark = pytest.mark.django_db


def test_health_is_ok_when_database_cache_and_storage_answer(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path

    response = client.get("/healthz/")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok", "storage": "ok"}}
    assert "no-cache" in response["Cache-Control"]
    assert list(tmp_path.rglob("*.txt")) == []


def test_health_is_503_when_the_database_fails_and_tells_no_details(client, monkeypatch):
    def database_down():
        raise OperationalError('connection to server at "db.internal" failed: password authentication failed')

    monkeypatch.setitem(views.CHECKS, "database", (database_down, True))

    response = client.get("/healthz/")

    assert response.status_code == 503
    assert response.json() == {"status": "error", "checks": {"database": "error", "cache": "ok", "storage": "ok"}}
    assert b"db.internal" not in response.content
    assert b"password" not in response.content


def test_health_is_503_when_media_storage_is_not_writable(client, monkeypatch):
    def storage_down():
        raise PermissionError("/srv/media is read-only")

    monkeypatch.setitem(views.CHECKS, "storage", (storage_down, True))

    response = client.get("/healthz/")

    assert response.status_code == 503
    assert response.json()["checks"]["storage"] == "error"


def test_health_reports_a_dead_cache_as_degraded_but_keeps_the_server_in_rotation(client, redis_down_caches):
    with override_settings(CACHES=redis_down_caches):
        response = client.get("/healthz/")

    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "checks": {"database": "ok", "cache": "error", "storage": "ok"}}


def test_health_is_not_behind_a_language_prefix_and_refuses_writes(client):
    assert client.get("/healthz/").status_code == 200
    assert client.post("/healthz/").status_code == 405
