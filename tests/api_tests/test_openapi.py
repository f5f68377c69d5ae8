"""The OpenAPI document is served, is valid, names every endpoint, and real answers match it."""

import re

import jsonschema
import pytest

from wagtail.api import APIField

from api.openapi import build_schema
from api.pages import page_models, page_type_name
from cms.api import api_router
from home.models import HomePage, StandardPage
from partners.models import Partner

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
        for method, operation in operations.items():
            responses = set(operation["responses"])
            assert {"400", "405", "406", "503"} <= responses, (method, path)
            assert method != "get" or "304" in responses, path
            assert "Retry-After" in operation["responses"]["503"]["headers"]


def test_statuses_only_some_operations_answer_are_documented_there(openapi):
    paths = openapi.document["paths"]

    assert "404" in paths["/api/v2/pages/{id}/"]["get"]["responses"]
    assert "404" in paths["/api/v2/pages/"]["get"]["responses"]  # ?site= naming no site
    assert "404" not in paths["/api/v2/images/"]["get"]["responses"]
    subscribe = paths["/api/v2/newsletter/subscribe/"]["post"]["responses"]
    assert {"202", "409", "415", "429"} <= set(subscribe)
    assert subscribe["429"]["headers"]["Retry-After"]["required"] is True


def test_every_operation_has_an_id_and_listings_link_to_their_details(openapi):
    operation_ids = {
        operation["operationId"]
        for operations in openapi.document["paths"].values()
        for operation in operations.values()
    }
    listing = openapi.document["paths"]["/api/v2/partners/"]["get"]["responses"]["200"]

    assert len(operation_ids) == sum(len(operations) for operations in openapi.document["paths"].values())
    assert listing["links"]["item0"] == {
        "operationId": "partners_detail",
        "parameters": {"id": "$response.body#/items/0/id"},
    }


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


def test_every_api_field_of_every_page_type_is_in_the_schema_of_its_type(openapi):
    schemas = openapi.document["components"]["schemas"]

    for model in page_models():
        schema = schemas[page_type_name(model).replace(".", "_")]
        documented = set(schema["properties"]) | set(schema["properties"]["meta"]["properties"])
        assert {field.name for field in model.api_fields} <= documented, model


def test_a_new_api_field_appears_in_the_schema_without_editing_the_generator(monkeypatch):
    monkeypatch.setattr(StandardPage, "api_fields", [*StandardPage.api_fields, APIField("draft_title")])
    monkeypatch.setattr(Partner, "api_fields", [*Partner.api_fields, APIField("logo_alt")])

    schemas = build_schema(api_router)["components"]["schemas"]

    assert schemas["home_StandardPage"]["properties"]["draft_title"] == {"type": "string"}
    assert schemas["Partner"]["properties"]["logo_alt"] == {"type": "string"}
    assert "draft_title" not in schemas["home_ContactPage"]["properties"]


def test_the_type_parameter_and_the_type_of_a_page_name_every_page_type(openapi):
    listing = openapi.document["paths"]["/api/v2/pages/"]["get"]
    type_parameter = next(parameter for parameter in listing["parameters"] if parameter["name"] == "type")
    page_base = openapi.document["components"]["schemas"]["Page"]["allOf"][0]

    for model in page_models():
        assert re.fullmatch(type_parameter["schema"]["pattern"], page_type_name(model))
    assert set(page_base["properties"]["meta"]["properties"]["type"]["enum"]) == {
        page_type_name(model) for model in page_models()
    }


def test_limits_and_the_server_come_from_the_settings_when_asked(client, settings):
    # Answered once under the default settings first: the endpoints' declared parameters, built once per process,
    # must not keep the limits they were built under.
    assert client.get("/api/v2/images/?limit=31&offset=501").status_code == 200
    settings.WAGTAILAPI_LIMIT_MAX = 30
    settings.API_OFFSET_MAX = 500
    settings.API_SEARCH_MAX_LENGTH = 40
    settings.WAGTAILAPI_BASE_URL = "https://partnerstwo.example"

    document = client.get("/api/v2/schema/").json()

    schemas = {p["name"]: p["schema"] for p in document["paths"]["/api/v2/images/"]["get"]["parameters"]}
    assert schemas["limit"]["maximum"] == 30
    assert schemas["offset"]["maximum"] == 500
    assert schemas["search"]["maxLength"] == 40
    assert document["servers"] == [{"url": "https://partnerstwo.example"}]
    assert client.get("/api/v2/images/?limit=31").status_code == 400
    assert client.get("/api/v2/images/?offset=501").status_code == 400
    assert client.get("/api/v2/images/?limit=30&offset=500").status_code == 200


def test_every_operation_answers_400_to_a_parameter_it_does_not_document(client, openapi):
    for path, operations in openapi.document["paths"].items():
        if "get" not in operations:
            continue
        documented = {parameter["name"] for parameter in operations["get"]["parameters"]}
        assert "colour" not in documented
        response = client.get(path.replace("{id}", "1"), {"colour": "green"})

        assert response.status_code == 400, path
        assert "colour" in response.json()["message"]


def test_newsletter_answers_match_the_document(client, openapi):
    consent = "/api/v2/newsletter/consent/"
    subscribe = "/api/v2/newsletter/subscribe/"

    openapi.validate(consent, client.get(consent, {"locale": "en"}))
    openapi.validate(consent, client.get(consent, {"locale": "xx"}))
    openapi.validate(consent, client.get(consent, {"locale": "en", "colour": "green"}))
    bad = client.post(subscribe, {"email": "nope", "locale": "en"}, content_type="application/json")
    openapi.validate(subscribe, bad, method="post")
    assert bad.status_code == 400


def test_the_signup_body_is_documented_from_its_form(openapi):
    body = openapi.document["paths"]["/api/v2/newsletter/subscribe/"]["post"]["requestBody"]
    schema = body["content"]["application/json"]["schema"]

    assert {"email", "locale", "consent", "consent_version"} == set(schema["properties"])
    assert schema["properties"]["locale"]["enum"] == ["pl", "en"]
    assert {"email", "locale", "consent_version"} <= set(schema["required"])
    assert schema["additionalProperties"] is False


def parameter_schema(openapi, path, name):
    parameters = openapi.document["paths"][path]["get"]["parameters"]
    return next(parameter["schema"] for parameter in parameters if parameter["name"] == name)


@pytest.mark.parametrize("value", ["*", "*,-title", "_", "_,title,slug", "title", "title,-id", "-type"])
def test_the_documented_fields_pattern_admits_what_wagtail_parses(client, openapi, value):
    pattern = parameter_schema(openapi, "/api/v2/pages/", "fields")["pattern"]

    assert re.fullmatch(pattern, value)
    assert client.get("/api/v2/pages/", {"fields": value}).status_code == 200


@pytest.mark.parametrize("value", ["*,title", "_,-title", "parent", "title(id)", "title,", "*,*"])
def test_the_documented_fields_pattern_refuses_what_wagtail_refuses_on_a_listing(client, openapi, value):
    pattern = parameter_schema(openapi, "/api/v2/pages/", "fields")["pattern"]

    assert not re.fullmatch(pattern, value)
    assert client.get("/api/v2/pages/", {"fields": value}).status_code == 400


def test_nested_fields_of_a_related_object_pass_the_check_and_reach_wagtail(client):
    nested = client.get("/api/v2/pages/", {"type": "news.NewsPage", "fields": "image(title)"})
    not_a_relation = client.get("/api/v2/pages/", {"type": "news.NewsPage", "fields": "date(title)"})

    assert nested.status_code == 200
    assert not_a_relation.status_code == 400
