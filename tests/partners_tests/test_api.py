import pytest
from wagtail_factories import ImageFactory

from partners.models import Sector

from ..factories.partners import PartnerFactory

pytestmark = pytest.mark.django_db

API = "/api/v2/partners/"
# Locale, count, partners, logo renditions, and the Partners pages (view restrictions, pages) for html_url,
# whose address is the site record's, not looked up from the request (measured: see below).
API_LIST_QUERIES = 6


def test_listing_filters_by_locale_and_sector(client, no_demo_partners, locale_en):
    PartnerFactory(locale=locale_en, name="Example Foundation", slug="example", sector=Sector.NGO)
    PartnerFactory(name="Fundacja Przykład", slug="przyklad", sector=Sector.NGO)

    response = client.get(API, {"locale": "en", "sector": "ngo"})

    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["name"] for item in items] == ["Example Foundation"]
    assert items[0]["meta"]["locale"] == "en"
    assert items[0]["sector_label"] == "non-governmental organisation"


def test_koziolek_in_english_with_its_facts_and_page(client, index_en):
    response = client.get(API, {"locale": "en", "sector": "social_economy", "fields": "*"})

    item = next(i for i in response.json()["items"] if i["slug"] == "koziolek")
    assert item["name"] == "Lublin Social Cooperative “KOZIOŁEK”"
    assert item["social_economy_kind"] == "social_cooperative"
    assert item["kind_label"] == "social cooperative"
    assert item["role"] == "initiator"
    assert item["member_since"] == "2010-11"
    assert item["member_since_precision"] == "month"
    assert item["meta"]["html_url"] == f"http://testserver{index_en.url}koziolek/"


def test_labels_follow_the_partners_language(client):
    response = client.get(API, {"locale": "pl", "sector": "social_economy", "fields": "kind_label,role_label"})

    item = response.json()["items"][0]
    assert item["kind_label"] == "spółdzielnia socjalna"
    assert item["role_label"] == "inicjator"


def test_limit_and_offset_page_through_the_list(client, no_demo_partners):
    for n in range(5):
        PartnerFactory(name=f"Fundacja {n}", slug=f"fundacja-{n}")

    response = client.get(API, {"locale": "pl", "sector": "ngo", "limit": 2, "offset": 2})

    data = response.json()
    assert data["meta"]["total_count"] == 5
    assert [item["name"] for item in data["items"]] == ["Fundacja 2", "Fundacja 3"]


def test_search_ignores_case_and_diacritics(client):
    response = client.get(API, {"search": "koziolek", "locale": "pl"})

    assert [item["slug"] for item in response.json()["items"]] == ["koziolek"]


def test_logo_renditions_have_absolute_urls_and_the_partners_alt_text(client, no_demo_partners):
    partner = PartnerFactory(slug="z-logo", logo=ImageFactory(), logo_alt="Logo Fundacji")

    response = client.get(f"{API}{partner.pk}/")

    logo = response.json()["logo"]
    assert logo["alt"] == "Logo Fundacji"
    assert logo["small"]["url"].startswith("http://testserver/media/images/")
    assert logo["large"]["url"].startswith("http://testserver/media/images/")
    assert logo["small"]["width"] <= 200


def test_drafts_and_inactive_partners_are_not_served(client, no_demo_partners):
    draft = PartnerFactory(slug="szkic", live=False)
    inactive = PartnerFactory(slug="stary", is_active=False)

    listed = {item["slug"] for item in client.get(API).json()["items"]}

    assert {"szkic", "stary"}.isdisjoint(listed)
    assert client.get(f"{API}{draft.pk}/").status_code == 404
    assert client.get(f"{API}{inactive.pk}/").status_code == 404


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"sector": "aliens"}, "sector must be one of: public, business, ngo, social_economy"),
        ({"locale": "de"}, "locale must be one of"),
        ({"latitude": "north"}, "latitude must be a number"),
        ({"member_since": "2010-13"}, "is not a valid value for member_since"),
        ({"limit": "many"}, "limit must be a whole number"),
        ({"colour": "green"}, "Unknown query parameter: colour"),
    ],
)
def test_bad_parameters_answer_400_with_a_message(client, params, message):
    response = client.get(API, params)

    assert response.status_code == 400
    assert message in response.json()["message"]


def test_listing_runs_the_same_queries_for_10_and_60_partners(queries_for_10_and_60_partners):
    few, many = queries_for_10_and_60_partners(f"{API}?locale=en&limit=100&fields=*")

    assert few == many == API_LIST_QUERIES
