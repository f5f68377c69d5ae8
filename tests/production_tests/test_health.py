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

    monkeypatch.setitem(views.DEEP_CHECKS, "storage", (storage_down, True))

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


def test_health_for_an_anonymous_caller_never_writes_to_storage(client, settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path
    writes = []
    monkeypatch.setattr(views.default_storage, "save", lambda *args, **kwargs: writes.append(args))

    response = client.get("/healthz/", REMOTE_ADDR="203.0.113.9")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok"}}
    assert writes == []


def test_health_runs_the_storage_check_for_the_configured_token(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.HEALTHZ_TOKEN = "probe-secret-of-the-load-balancer"  # noqa: S105

    with_token = client.get(
        "/healthz/", REMOTE_ADDR="203.0.113.9", HTTP_X_HEALTHZ_TOKEN="probe-secret-of-the-load-balancer"
    )
    wrong_token = client.get("/healthz/", REMOTE_ADDR="203.0.113.9", HTTP_X_HEALTHZ_TOKEN="guess")

    assert with_token.json()["checks"] == {"database": "ok", "cache": "ok", "storage": "ok"}
    assert "storage" not in wrong_token.json()["checks"]


def test_health_without_a_configured_token_accepts_no_token(client, settings):
    settings.HEALTHZ_TOKEN = ""

    response = client.get("/healthz/", REMOTE_ADDR="203.0.113.9", HTTP_X_HEALTHZ_TOKEN="")

    assert "storage" not in response.json()["checks"]


def test_health_behind_a_proxy_does_not_take_loopback_for_the_machine_itself(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1

    response = client.get("/healthz/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")

    assert "storage" not in response.json()["checks"]


def test_health_from_this_machine_without_a_proxy_runs_the_storage_check(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.TRUSTED_PROXY_COUNT = 0

    response = client.get("/healthz/", REMOTE_ADDR="::1")

    assert response.json()["checks"]["storage"] == "ok"
