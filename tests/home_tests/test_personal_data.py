"""Retention and data-subject requests: the purge command, its task, and the admin's export and erase view."""

import json
from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from wagtail.models import ModelLogEntry

from home import personal_data
from home.tasks import purge_personal_data

from . import fake_personal_data as fake

pytestmark = pytest.mark.django_db

FAKE = "tests.home_tests.fake_personal_data"


@pytest.fixture(autouse=True)
def fake_handler(settings):
    settings.PERSONAL_DATA_HANDLERS = [FAKE]
    fake.ROWS.clear()
    fake.CALLS.clear()
    yield fake
    fake.ROWS.clear()
    fake.CALLS.clear()


@pytest.fixture
def superuser():
    return get_user_model().objects.create_superuser("admin", "admin@example.org", "haslo-testowe")


@pytest.fixture
def superuser_client(client, superuser):
    client.force_login(superuser)
    return client


def axes_record(model, days_ago, **fields):
    record = model.objects.create(ip_address="203.0.113.5", username=f"someone-{days_ago}", user_agent="test", **fields)
    model.objects.filter(pk=record.pk).update(attempt_time=timezone.now() - timedelta(days=days_ago))
    return record


def add_axes_records(days_ago):
    axes_record(AccessAttempt, days_ago, failures_since_start=1, get_data="", post_data="", http_accept="")
    axes_record(AccessFailureLog, days_ago, http_accept="", path_info="/admin/login/")
    axes_record(AccessLog, days_ago, http_accept="", path_info="/admin/login/")


def test_purge_command_removes_axes_records_older_than_the_retention_period_and_keeps_newer(settings, capsys):
    settings.AXES_RETENTION_DAYS = 90
    add_axes_records(days_ago=91)
    add_axes_records(days_ago=89)

    call_command("purge_personal_data")

    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        assert model.objects.count() == 1
        assert model.objects.get().attempt_time > timezone.now() - timedelta(days=90)
    output = capsys.readouterr().out
    assert "axes.AccessAttempt: 1 removed" in output
    assert "Done: 3 records removed from 2 sources." in output


def test_purge_command_follows_the_axes_retention_setting(settings):
    settings.AXES_RETENTION_DAYS = 10
    add_axes_records(days_ago=11)

    call_command("purge_personal_data")

    assert AccessLog.objects.count() == 0


def test_purge_command_runs_every_handler_with_the_current_time(capsys):
    now = timezone.now()
    fake.ROWS.extend(
        [
            {"email": "old@example.org", "created": now - timedelta(days=31), "confirmed": False},
            {"email": "new@example.org", "created": now - timedelta(days=2), "confirmed": False},
            {"email": "kept@example.org", "created": now - timedelta(days=400), "confirmed": True},
        ]
    )

    call_command("purge_personal_data")

    assert [row["email"] for row in fake.ROWS] == ["new@example.org", "kept@example.org"]
    (call,) = fake.CALLS
    assert call[0] == "purge_expired"
    assert abs(call[1] - now) < timedelta(minutes=1)
    output = capsys.readouterr().out
    assert f"{FAKE}: purging" in output
    assert "fake.unconfirmed: 1 removed" in output


def test_purge_task_runs_the_same_purge_for_the_worker():
    add_axes_records(days_ago=365)

    result = purge_personal_data.enqueue()

    assert result.return_value == {
        FAKE: {"fake.unconfirmed": 0},
        "axes": {"axes.AccessAttempt": 1, "axes.AccessFailureLog": 1, "axes.AccessLog": 1},
    }


def test_purge_command_can_hand_the_purge_to_the_worker(capsys):
    add_axes_records(days_ago=365)

    call_command("purge_personal_data", "--enqueue")

    # The test settings run tasks at once, as the worker would later.
    assert AccessLog.objects.count() == 0
    assert "Purge queued for the worker" in capsys.readouterr().out


def test_personal_data_view_is_for_superusers_only(client):
    editor = get_user_model().objects.create_user("editor", "editor@example.org", "haslo-testowe")
    editor.user_permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    client.force_login(editor)

    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/personal-data/").status_code in (302, 403)
    response = client.post("/admin/personal-data/", {"email": "a@example.org", "operation": "export"})
    assert response.status_code in (302, 403)
    assert fake.CALLS == []


def test_personal_data_view_is_in_the_settings_menu_in_polish(superuser_client):
    response = superuser_client.get("/admin/personal-data/", HTTP_ACCEPT_LANGUAGE="pl")

    assert response.status_code == 200
    assert "Dane osobowe" in response.content.decode()


def test_export_downloads_what_every_handler_stores_about_the_address_as_json(superuser_client, superuser):
    created = timezone.now() - timedelta(days=3)
    fake.ROWS.extend(
        [
            {"email": "osoba@example.org", "created": created, "confirmed": True},
            {"email": "ktos-inny@example.org", "created": created, "confirmed": True},
        ]
    )

    response = superuser_client.post("/admin/personal-data/", {"email": "osoba@example.org", "operation": "export"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["email"] == "osoba@example.org"
    stored = {"email": "osoba@example.org", "created": DjangoJSONEncoder().default(created)}
    assert data["data"] == {FAKE: {"rows": [stored]}}
    entry = ModelLogEntry.objects.get(action="home.personal_data_export")
    assert entry.user == superuser
    assert "osoba@example.org" not in json.dumps(entry.data)
    assert entry.data["email_hmac"] == personal_data.email_digest("osoba@example.org")


def test_erase_asks_for_confirmation_before_erasing_anything(superuser_client):
    fake.ROWS.append({"email": "osoba@example.org", "created": timezone.now(), "confirmed": True})

    response = superuser_client.post("/admin/personal-data/", {"email": "osoba@example.org", "operation": "erase"})

    assert response.status_code == 200
    assert "nie można cofnąć" in response.content.decode()
    assert len(fake.ROWS) == 1
    assert ("erase", "osoba@example.org") not in fake.CALLS
    assert not ModelLogEntry.objects.filter(action="home.personal_data_erase").exists()


def test_confirmed_erase_calls_every_handler_and_is_in_the_audit_log_without_the_address(superuser_client, superuser):
    fake.ROWS.extend(
        [
            {"email": "osoba@example.org", "created": timezone.now(), "confirmed": True},
            {"email": "ktos-inny@example.org", "created": timezone.now(), "confirmed": True},
        ]
    )

    response = superuser_client.post(
        "/admin/personal-data/", {"email": "osoba@example.org", "operation": "erase", "confirmed": "True"}
    )

    assert response.status_code == 302
    assert [row["email"] for row in fake.ROWS] == ["ktos-inny@example.org"]
    entry = ModelLogEntry.objects.get(action="home.personal_data_erase")
    assert entry.user == superuser
    assert entry.data["removed"] == {FAKE: {"fake.rows": 1}}
    assert "osoba@example.org" not in json.dumps(entry.data)


def test_a_malformed_address_is_refused_without_calling_any_handler(superuser_client):
    response = superuser_client.post("/admin/personal-data/", {"email": "not an address", "operation": "erase"})

    assert response.status_code == 200
    assert fake.CALLS == []
