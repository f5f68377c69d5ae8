import json
import re

import pytest

from partners.models import Partner, Sector, SocialEconomyKind
from partners.templatetags.partner_tags import monogram

from ..factories.partners import PartnerFactory

pytestmark = pytest.mark.django_db

# Every request of the Partners page, however many partners there are (measured: see the test below), with the
# page cache and its fragments off as in every test; two of them are the footer's: the newsletter signup's
# consent text, and the pages a language has one of (home.site_pages: the newsletter page, the accessibility
# statement and privacy policy, the API page, all in one query for the request). With the fragments on, the page
# runs 2 (tests/production_tests/test_query_budgets.py). Every list of pages reads the view restrictions once per
# request between them (home.visibility).
INDEX_PAGE_QUERIES = 19


def partner_names(response):
    return re.findall(r'class="partner-card__name"><a href="[^"]+">([^<]+)</a>', response.content.decode())


@pytest.fixture
def sectors_sample(no_demo_partners, locale_pl):
    PartnerFactory(name="Urząd Przykładowy", slug="urzad", sector=Sector.PUBLIC)
    PartnerFactory(name="Firma Przykładowa", slug="firma", sector=Sector.BUSINESS)
    PartnerFactory(name="Fundacja Łąka", slug="fundacja-laka", sector=Sector.NGO)
    PartnerFactory(name="Fundacja Nieaktywna", slug="nieaktywna", sector=Sector.NGO, is_active=False)
    PartnerFactory(name="Fundacja Szkic", slug="szkic", sector=Sector.NGO, live=False)


def test_sector_filter_lists_only_that_sector_and_counts_every_sector(client, index_pl, sectors_sample):
    response = client.get(index_pl.url, {"sector": "ngo"})

    assert response.status_code == 200
    assert partner_names(response) == ["Fundacja Łąka"]
    counts = {s["value"]: s["count"] for s in response.context["listing"].sectors}
    # KOZIOŁEK (from the content) is the one social economy entity; drafts and inactive partners are not counted.
    assert counts == {"public": 1, "business": 1, "ngo": 1, "social_economy": 1}
    assert response.context["listing"].total == 4


def test_name_filter_ignores_case_and_diacritics(client, index_pl, sectors_sample):
    response = client.get(index_pl.url, {"q": "laka"})

    assert partner_names(response) == ["Fundacja Łąka"]
    assert 'value="laka"' in response.content.decode()


def test_filters_combine_and_the_form_and_language_switch_keep_them(client, index_pl, sectors_sample):
    response = client.get(index_pl.url, {"q": "przykład", "sector": "business"})

    assert partner_names(response) == ["Firma Przykładowa"]
    html = response.content.decode()
    assert '<option value="business" selected>Biznes (1)</option>' in html
    assert 'name="q" value="przykład"' in html
    assert 'href="/en/partners/?sector=business&amp;q=przyk%C5%82ad" hreflang="en"' in html


def test_one_sector_filter_a_select_whose_options_count_the_partners(client, index_pl, sectors_sample):
    html = client.get(index_pl.url).content.decode()

    assert html.count('name="sector"') == 1
    assert "partner-sectors" not in html
    assert '<option value="">Wszystkie sektory (4)</option>' in html
    assert '<option value="ngo">Organizacja pozarządowa (1)</option>' in html


def test_a_partner_without_a_logo_gets_a_monogram_of_its_initials(client, index_pl, sectors_sample):
    html = client.get(index_pl.url, {"sector": "ngo"}).content.decode()

    assert '<span class="monogram monogram--ngo" aria-hidden="true">FŁ</span>' in html


@pytest.mark.parametrize(
    ("name", "initials"),
    [
        ("Lubelska Spółdzielnia Socjalna „KOZIOŁEK”", "LS"),
        ("Stowarzyszenie na Rzecz Osób z Niepełnosprawnością", "SR"),
        ("„KOZIOŁEK”", "KO"),
        ("fundacja łąka", "FŁ"),
    ],
)
def test_monogram_takes_two_initials_skipping_quotes_and_short_words_or_two_letters_of_one_word(name, initials):
    assert monogram(Partner(name=name)) == initials


def test_pagination_splits_the_list_and_keeps_the_filter(client, index_pl, no_demo_partners):
    per_page = index_pl.partners_per_page
    for n in range(per_page + 5):
        PartnerFactory(name=f"Fundacja {n:03d}", slug=f"fundacja-{n:03d}", sector=Sector.NGO)

    first = client.get(index_pl.url, {"sector": "ngo"})
    second = client.get(index_pl.url, {"sector": "ngo", "page": 2})

    assert len(partner_names(first)) == per_page
    assert partner_names(second) == [f"Fundacja {n:03d}" for n in range(per_page, per_page + 5)]
    assert 'rel="next" href="?sector=ngo&amp;page=2"' in first.content.decode()
    assert 'rel="prev" href="?sector=ngo&amp;page=1"' in second.content.decode()


@pytest.mark.parametrize(
    ("params", "expected_page"),
    [({"page": "abc"}, 1), ({"page": "9999"}, 2), ({"page": "-3"}, 2), ({"page": "1e9"}, 1), ({"page": ""}, 1)],
)
def test_nonsense_page_numbers_answer_the_first_or_last_page(client, index_pl, no_demo_partners, params, expected_page):
    for n in range(index_pl.partners_per_page + 1):
        PartnerFactory(slug=f"p-{n}")

    response = client.get(index_pl.url, params)

    assert response.status_code == 200
    assert response.context["listing"].page_obj.number == expected_page


def test_unknown_sector_shows_every_partner_with_a_notice(client, index_en, no_demo_partners):
    response = client.get(index_en.url, {"sector": "aliens"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "There is no such sector; all sectors are shown." in html
    assert "Lublin Social Cooperative “KOZIOŁEK”" in html


def test_unknown_sector_notice_is_in_polish_on_the_polish_page(client, index_pl):
    response = client.get(index_pl.url, {"sector": "aliens"})

    assert "Nie ma takiego sektora; pokazano wszystkie sektory." in response.content.decode()


@pytest.mark.parametrize("params", [{"q": "\x00"}, {"q": "x" * 5000}, {"sector": "<script>"}, {"page": "%"}])
def test_hostile_parameters_never_break_the_page(client, index_pl, params):
    response = client.get(index_pl.url, params)

    assert response.status_code == 200
    assert (
        "<script>"
        not in response.content.decode()
        .split("</header>", 1)[1]
        .replace('<script type="application/ld+json">', "")
        .split("<script src=")[0]
    )


def test_each_language_lists_its_own_partners(client, index_pl, index_en):
    pl = client.get(index_pl.url).content.decode()
    en = client.get(index_en.url).content.decode()

    assert "Lubelska Spółdzielnia Socjalna „KOZIOŁEK”" in pl
    assert "Lublin Social Cooperative “KOZIOŁEK”" not in pl
    assert "Lublin Social Cooperative “KOZIOŁEK”" in en


def test_detail_page_shows_the_partner_with_organization_json_ld(client, index_en):
    partner = PartnerFactory(
        locale=index_en.locale,
        name="Example Cooperative",
        slug="example-cooperative",
        sector=Sector.SOCIAL_ECONOMY,
        social_economy_kind=SocialEconomyKind.WTZ,
        website="https://example.org/",
        street="ul. Przykładowa 1",
        postcode="20-001",
        latitude="51.246452",
        longitude="22.568446",
    )

    response = client.get(f"{index_en.url}{partner.slug}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Example Cooperative" in html
    assert "occupational therapy workshop (WTZ)" in html
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1))
    assert data["@type"] == "Organization"
    assert data["name"] == "Example Cooperative"
    assert data["url"] == f"http://testserver{index_en.url}example-cooperative/"
    assert data["address"]["postalCode"] == "20-001"
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 51.246452, "longitude": 22.568446}
    assert data["memberOf"]["startDate"] == "2012-05"


def test_json_ld_cannot_be_broken_out_of(client, index_pl):
    partner = PartnerFactory(name="</script><script>alert(1)</script>", slug="zly")

    html = client.get(f"{index_pl.url}{partner.slug}/").content.decode()

    assert "<script>alert(1)" not in html
    assert "\\u003C/script\\u003E\\u003Cscript\\u003Ealert(1)" in html


@pytest.mark.parametrize("kind", ["unknown", "draft", "inactive", "other_language"])
def test_detail_page_of_a_partner_that_is_not_shown_is_404(client, index_pl, locale_en, kind):
    slug = {
        "unknown": "nie-ma-takiego",
        "draft": PartnerFactory(slug="szkic", live=False).slug,
        "inactive": PartnerFactory(slug="stary", is_active=False).slug,
        "other_language": PartnerFactory(slug="only-english", locale=locale_en).slug,
    }[kind]

    response = client.get(f"{index_pl.url}{slug}/")

    assert response.status_code == 404


def test_index_page_runs_the_same_queries_for_10_and_60_partners(index_pl, queries_for_10_and_60_partners):
    few, many = queries_for_10_and_60_partners(index_pl.url)

    assert few == many == INDEX_PAGE_QUERIES


def test_sitemap_lists_each_partners_page(index_en, rf):
    urls = [entry["location"] for entry in index_en.get_sitemap_urls(rf.get("/"))]

    assert urls[0].endswith("/en/partners/")
    assert urls[0] + "koziolek/" in urls
