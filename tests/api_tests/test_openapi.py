"""The OpenAPI document is served, is valid, names every endpoint, and real answers match it."""

import jsonschema
import pytest

from cms.api import api_router
from home.models import HomePage

pytestmark = pytest.mark.django_db


def test_schema_is_served_as_openapi_3_1(client):
    response = client.get("/api/v2/schema/")

    assert response.status_code == 200
    document = response.json()
    assert document["openapi"] == "3.1.0"
    assert document["servers"] == [{"url": "http://testserver"}]


def test_every_component_is_a_valid_json_schema(openapi):
    for name, schema in openapi.document["components"]["schemas"].items():
        jsonschema.Draft202012Validator.check_schema(schema), name


def test_every_registered_endpoint_is_documented(openapi):
    documented = {path.split("/")[3] for path in openapi.document["paths"]}

    assert set(api_router.endpoints) <= documented


def test_every_page_type_has_a_schema(openapi):
    schemas = openapi.document["components"]["schemas"]

    for name in ["home_HomePage", "home_StandardPage", "home_ContactPage"]:
        assert schemas[name]["properties"]["body"] == {"$ref": "#/components/schemas/BodyStreamBlock"}


def test_every_operation_documents_its_errors(openapi):
    for path, operations in openapi.document["paths"].items():
        if path == "/api/v2/schema/":
            continue
        responses = operations["get"]["responses"]
        assert {"200", "304", "400"} <= set(responses), path


@pytest.fixture
def ids(locale_en):
    english_home = HomePage.objects.get(locale=locale_en)
    return {
        "home": english_home.pk,
        "about": english_home.get_children().get(slug="about").pk,
        "contact_page": english_home.get_children().get(slug="contact").pk,
    }


REAL_ANSWERS = [
    ("/api/v2/pages/", "/api/v2/pages/"),
    ("/api/v2/pages/?locale=en&fields=*", "/api/v2/pages/"),
    ("/api/v2/pages/?type=home.StandardPage&fields=intro,body", "/api/v2/pages/"),
    ("/api/v2/pages/?type=home.StandardPage&fields=_,title,body&rich_text_format=markdown", "/api/v2/pages/"),
    ("/api/v2/pages/?search=partnerstwo", "/api/v2/pages/"),
    ("/api/v2/pages/{home}/", "/api/v2/pages/{id}/"),
    ("/api/v2/pages/{about}/", "/api/v2/pages/{id}/"),
    ("/api/v2/pages/{contact_page}/", "/api/v2/pages/{id}/"),
    ("/api/v2/pages/999999/", "/api/v2/pages/{id}/"),
    ("/api/v2/pages/?limit=x", "/api/v2/pages/"),
    ("/api/v2/pages/find/?html_path=/en/about/", "/api/v2/pages/find/"),
    ("/api/v2/pages/find/?html_path=/en/nothing/", "/api/v2/pages/find/"),
    ("/api/v2/languages/", "/api/v2/languages/"),
    ("/api/v2/navigation/?locale=en", "/api/v2/navigation/"),
    ("/api/v2/navigation/", "/api/v2/navigation/"),
    ("/api/v2/contact/?locale=en&fields=*", "/api/v2/contact/"),
    ("/api/v2/contact/", "/api/v2/contact/"),
    ("/api/v2/images/", "/api/v2/images/"),
    ("/api/v2/documents/", "/api/v2/documents/"),
    ("/api/v2/schema/", "/api/v2/schema/"),
    ("/api/v2/partners/", "/api/v2/partners/"),
    ("/api/v2/partners/?locale=en&fields=*", "/api/v2/partners/"),
    ("/api/v2/partners/?locale=pl&sector=social_economy&fields=*", "/api/v2/partners/"),
    ("/api/v2/partners/?sector=nothing", "/api/v2/partners/"),
]


@pytest.mark.parametrize(("url", "path"), REAL_ANSWERS)
def test_real_answers_match_the_document(client, openapi, ids, url, path):
    openapi.validate(path, client.get(url.format(**ids)))


def test_contact_detail_matches_the_document(client, openapi):
    contact_id = client.get("/api/v2/contact/").json()["items"][0]["id"]

    openapi.validate("/api/v2/contact/{id}/", client.get(f"/api/v2/contact/{contact_id}/"))


def test_partner_detail_matches_the_document(client, openapi):
    partner_id = client.get("/api/v2/partners/?locale=en").json()["items"][0]["id"]

    openapi.validate("/api/v2/partners/{id}/", client.get(f"/api/v2/partners/{partner_id}/?fields=*"))
    openapi.validate("/api/v2/partners/{id}/", client.get("/api/v2/partners/999999/"))


def test_every_live_page_of_the_site_matches_the_document_of_its_type(client, openapi):
    pages = client.get("/api/v2/pages/?limit=100").json()["items"]

    assert {page["meta"]["type"] for page in pages} >= {"home.HomePage", "home.StandardPage", "home.ContactPage"}
    for page in pages:
        openapi.validate("/api/v2/pages/{id}/", client.get(f"/api/v2/pages/{page['id']}/"))
