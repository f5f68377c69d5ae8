import pytest

from django.contrib.auth import get_user_model
from django.test import override_settings

from ..proxies import VISITOR_A, VISITOR_B, behind, via_proxies

pytestmark = pytest.mark.django_db


def test_public_pages_carry_a_strict_content_security_policy(client):
    policy = client.get("/pl/")["Content-Security-Policy"]

    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert "object-src 'none'" in policy


def test_the_admin_gets_its_looser_policy(client):
    policy = client.get("/admin/login/")["Content-Security-Policy"]

    assert "script-src 'self' 'unsafe-inline'" in policy
    assert "frame-ancestors 'self'" in policy


def test_api_answers_carry_the_policy_and_the_usual_headers(client):
    response = client.get("/api/v2/pages/")

    assert "Content-Security-Policy" in response
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_admin_login_locks_out_after_repeated_failures(client):
    user = get_user_model().objects.create_user("editor", password="correct horse battery staple")
    user.is_staff = True
    user.save()
    for _attempt in range(3):
        response = client.post("/admin/login/", {"username": "editor", "password": "wrong"})
        assert response.status_code in (200, 429)

    response = client.post("/admin/login/", {"username": "editor", "password": "correct horse battery staple"})

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_admin_login_still_works_below_the_failure_limit(client):
    get_user_model().objects.create_superuser("admin", "admin@example.org", "correct horse battery staple")
    client.post("/admin/login/", {"username": "admin", "password": "wrong"})

    response = client.post("/admin/login/", {"username": "admin", "password": "correct horse battery staple"})

    assert response.status_code == 302
    assert "_auth_user_id" in client.session


@pytest.mark.parametrize(
    ("language", "heading"),
    [("pl", "Zbyt wiele nieudanych prób logowania"), ("en", "Too many failed sign-in attempts")],
)
@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=1)
def test_lockout_page_is_shown_in_the_visitors_language(client, language, heading):
    client.post("/admin/login/", {"username": "nobody", "password": "wrong"}, HTTP_ACCEPT_LANGUAGE=language)

    response = client.post("/admin/login/", {"username": "nobody", "password": "wrong"}, HTTP_ACCEPT_LANGUAGE=language)

    assert response.status_code == 429
    assert heading in response.content.decode()


@pytest.mark.parametrize("proxies", [1, 2])
@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=2)
def test_behind_our_proxies_a_locked_out_address_does_not_lock_out_another(client, proxies):
    get_user_model().objects.create_superuser("admin", "admin@example.org", "correct horse battery staple")
    wrong = {"username": "admin", "password": "wrong"}
    right = {"username": "admin", "password": "correct horse battery staple"}
    with behind(proxies):
        for _attempt in range(2):
            client.post("/admin/login/", wrong, **via_proxies(VISITOR_A, proxies))

        locked = client.post("/admin/login/", wrong, **via_proxies(VISITOR_A, proxies))
        forged = client.post("/admin/login/", right, **via_proxies(VISITOR_A, proxies, forged=VISITOR_B))
        other = client.post("/admin/login/", right, **via_proxies(VISITOR_B, proxies))

    assert locked.status_code == 429
    assert forged.status_code == 429
    assert other.status_code == 302
