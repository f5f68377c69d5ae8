import re
from xml.etree import ElementTree

import pytest

from wagtail.models import Page, PageViewRestriction

from news.models import EventIndexPage
from partners.models import PartnerIndexPage

from ..factories.news import NewsPageFactory
from ..factories.partners import PartnerFactory

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def sitemap_entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    urlset = ElementTree.fromstring(response.content)
    assert urlset.tag == f"{SITEMAP}urlset"
    return {
        url.findtext(f"{SITEMAP}loc"): {link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")}
        for url in urlset.findall(f"{SITEMAP}url")
    }


def test_sitemap_lists_every_live_page_of_both_languages_with_partners_and_event_archives(client):
    entries = sitemap_entries(client)

    expected = {f"http://testserver{page.url}" for page in Page.objects.live().filter(depth__gt=1)}
    for index in PartnerIndexPage.objects.live():
        expected |= {f"http://testserver{index.url}{partner.slug}/" for partner in index.partners()}
    expected |= {f"http://testserver{index.url}archive/" for index in EventIndexPage.objects.live()}
    assert set(entries) == expected
    assert "http://testserver/pl/aktualnosci/" in entries and "http://testserver/en/news/" in entries


def test_sitemap_pairs_every_page_with_its_translation_and_an_x_default(client):
    entries = sitemap_entries(client)

    for location, alternates in entries.items():
        assert set(alternates) == {"pl", "en", "x-default"}, location
        assert location in (alternates["pl"], alternates["en"])
        assert alternates["x-default"] == alternates["pl"]
        # The pairing is mutual: the translation lists the same versions.
        assert entries[alternates["en"]] == entries[alternates["pl"]] == alternates
    assert entries["http://testserver/pl/o-partnerstwie/"]["en"] == "http://testserver/en/about/"


def test_sitemap_leaves_out_drafts_private_pages_and_unpublished_translations(client, news_index_pl, locale_en):
    NewsPageFactory(parent=news_index_pl, title="Szkic", slug="szkic", live=False, publish=False)
    private = NewsPageFactory(parent=news_index_pl, slug="prywatna")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    untranslated = NewsPageFactory(parent=news_index_pl, slug="bez-tlumaczenia")
    draft_translation = untranslated.copy_for_translation(locale_en)
    draft_translation.save_revision()

    entries = sitemap_entries(client)

    assert not [loc for loc in entries if "szkic" in loc or "prywatna" in loc]
    assert entries[f"http://testserver{untranslated.url}"] == {
        "pl": f"http://testserver{untranslated.url}",
        "x-default": f"http://testserver{untranslated.url}",
    }
    assert f"http://testserver{draft_translation.get_url()}" not in entries


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_off_search_results(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert {"Disallow: /admin/", "Disallow: /pl/szukaj/", "Disallow: /en/search/"} <= set(lines)


def meta(html, attribute, name):
    match = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)"', html)
    return match.group(1) if match else None


@pytest.mark.parametrize(
    ("url", "description", "locale"),
    [
        ("/pl/jak-przystapic/", "Instytucje zainteresowane przystąpieniem", "pl_PL"),
        ("/en/how-to-join/", "Institutions interested in joining", "en_GB"),
    ],
)
def test_pages_have_description_canonical_and_opengraph_in_their_language(client, url, description, locale):
    html = client.get(url).content.decode()

    assert meta(html, "name", "description").startswith(description)
    assert f'<link rel="canonical" href="http://testserver{url}">' in html
    assert meta(html, "property", "og:url") == f"http://testserver{url}"
    assert meta(html, "property", "og:description").startswith(description)
    assert meta(html, "property", "og:locale") == locale
    assert meta(html, "property", "og:type") == "website"
    assert html.count('name="description"') == 1


def test_news_item_description_falls_back_to_its_lead_and_is_an_article(client, news_index_pl):
    item = NewsPageFactory(parent=news_index_pl, title="Walne zebranie", lead="Zapraszamy na walne zebranie.")

    html = client.get(item.url).content.decode()

    assert meta(html, "name", "description") == "Zapraszamy na walne zebranie."
    assert meta(html, "property", "og:title") == "Walne zebranie"
    assert meta(html, "property", "og:type") == "article"


def test_a_partners_page_describes_the_partner_not_the_partner_index(client, locale_en):
    index = PartnerIndexPage.objects.get(locale=locale_en)
    partner = PartnerFactory(
        locale=locale_en,
        name="Example Cooperative",
        slug="example-cooperative",
        description="<p>Bakes bread &amp; trains <b>people</b>.</p>",
    )
    url = f"http://testserver{index.url}{partner.slug}/"

    html = client.get(f"{index.url}{partner.slug}/").content.decode()

    assert f'<link rel="canonical" href="{url}">' in html
    assert meta(html, "property", "og:url") == url
    assert meta(html, "property", "og:title") == "Example Cooperative"
    assert meta(html, "name", "description") == "Bakes bread &amp; trains people."
    assert html.count('rel="canonical"') == 1


@pytest.mark.parametrize(
    ("url", "alt"),
    [
        ("/pl/o-partnerstwie/", "Logo Lubelskiego Partnerstwa na Rzecz Rozwoju Ekonomii Społecznej"),
        ("/en/about/", "Logo of the Lublin Partnership for the Development of the Social Economy"),
    ],
)
def test_a_page_without_an_image_of_its_own_previews_with_the_partnerships_default_image(client, url, alt):
    html = client.get(url).content.decode()

    assert meta(html, "property", "og:image") == "http://testserver/static/img/og-default.png"
    assert meta(html, "property", "og:image:width") == "1200"
    assert meta(html, "property", "og:image:height") == "630"
    assert meta(html, "property", "og:image:alt") == alt
    assert meta(html, "name", "twitter:card") == "summary_large_image"
