import pytest

pytestmark = pytest.mark.django_db

PORTAL = "https://portal.example.org"
ENDPOINTS = ["/api/v2/pages/", "/api/v2/languages/", "/api/v2/navigation/", "/api/v2/schema/", "/api/v2/contact/"]


@pytest.mark.parametrize("url", ENDPOINTS)
def test_configured_origin_is_allowed_without_credentials(client, url):
    response = client.get(url, HTTP_ORIGIN=PORTAL)

    assert response["Access-Control-Allow-Origin"] == PORTAL
    assert "Access-Control-Allow-Credentials" not in response


@pytest.mark.parametrize("url", ENDPOINTS)
def test_other_origins_are_refused(client, url):
    response = client.get(url, HTTP_ORIGIN="https://evil.example.com")

    assert "Access-Control-Allow-Origin" not in response


def test_a_304_carries_the_cors_header_too(client):
    etag = client.get("/api/v2/pages/", HTTP_ORIGIN=PORTAL)["ETag"]

    response = client.get("/api/v2/pages/", HTTP_ORIGIN=PORTAL, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304
    assert response["Access-Control-Allow-Origin"] == PORTAL


def test_errors_carry_the_cors_header_so_portals_can_read_the_message(client):
    response = client.get("/api/v2/pages/?limit=x", HTTP_ORIGIN=PORTAL)

    assert response.status_code == 400
    assert response["Access-Control-Allow-Origin"] == PORTAL


def test_preflight_for_conditional_requests_is_answered(client):
    response = client.options(
        "/api/v2/pages/",
        HTTP_ORIGIN=PORTAL,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == PORTAL
    assert "if-none-match" in response["Access-Control-Allow-Headers"]


def test_preflight_from_another_origin_is_refused(client):
    response = client.options(
        "/api/v2/pages/", HTTP_ORIGIN="https://evil.example.com", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )

    assert "Access-Control-Allow-Origin" not in response


def test_portals_scripts_can_read_the_validators(client):
    response = client.get("/api/v2/pages/", HTTP_ORIGIN=PORTAL)

    exposed = {name.strip().lower() for name in response["Access-Control-Expose-Headers"].split(",")}
    assert {"etag", "last-modified"} <= exposed
