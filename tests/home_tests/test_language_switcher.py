import re

import pytest

from home.models import HomePage

from ..factories.home import StandardPageFactory

pytestmark = pytest.mark.django_db


def links(html, pattern):
    return dict(re.findall(pattern, html))


SWITCHER = r'<a href="([^"]+)" hreflang="(?:pl|en)" lang="(pl|en)"'


def switcher_links(html):
    return {lang: url for url, lang in re.findall(SWITCHER, html)}


def hreflang_links(html):
    return {lang: url for lang, url in re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html)}


def test_switcher_links_to_the_translation_of_the_current_page(client):
    html = client.get("/pl/o-partnerstwie/").content.decode()

    assert switcher_links(html) == {"pl": "/pl/o-partnerstwie/", "en": "/en/about/"}


def test_switcher_on_english_page_links_back_to_polish_original(client):
    html = client.get("/en/how-to-join/").content.decode()

    assert switcher_links(html) == {"pl": "/pl/jak-przystapic/", "en": "/en/how-to-join/"}


def test_switcher_falls_back_to_other_languages_home_page_when_page_is_untranslated(client, locale_pl):
    home = HomePage.objects.get(locale=locale_pl)
    StandardPageFactory(parent=home, title="Tylko po polsku", slug="tylko-po-polsku")

    html = client.get("/pl/tylko-po-polsku/").content.decode()

    assert switcher_links(html) == {"pl": "/pl/tylko-po-polsku/", "en": "/en/"}
    # Only live translations are alternates: the untranslated page has no English one.
    assert set(hreflang_links(html)) == {"pl", "x-default"}


def test_hreflang_alternates_name_every_live_translation_and_polish_default(client):
    html = client.get("/en/contact/").content.decode()

    assert hreflang_links(html) == {
        "pl": "http://testserver/pl/kontakt/",
        "en": "http://testserver/en/contact/",
        "x-default": "http://testserver/pl/kontakt/",
    }


def test_draft_translation_is_not_offered_by_switcher_or_hreflang(client, locale_en):
    english_about = HomePage.objects.get(locale=locale_en).get_children().get(slug="about")
    english_about.unpublish()

    html = client.get("/pl/o-partnerstwie/").content.decode()

    assert switcher_links(html)["en"] == "/en/"
    assert "en" not in hreflang_links(html)


def test_switcher_keeps_the_partner_filters_on_the_other_languages_partner_index(client):
    html = client.get("/pl/partnerzy/", {"sector": "ngo", "q": "łąka"}).content.decode()

    assert switcher_links(html)["en"] == "/en/partners/?sector=ngo&amp;q=%C5%82%C4%85ka"


def test_switcher_keeps_the_search_words_on_the_other_languages_search_page(client):
    html = client.get("/pl/szukaj/", {"q": "spółdzielnia"}).content.decode()

    assert switcher_links(html) == {
        "pl": "/pl/szukaj/?q=sp%C3%B3%C5%82dzielnia",
        "en": "/en/search/?q=sp%C3%B3%C5%82dzielnia",
    }


def test_switcher_drops_what_the_target_page_does_not_accept(client):
    html = client.get("/pl/o-partnerstwie/", {"utm_source": "x", "q": "y"}).content.decode()

    assert switcher_links(html) == {"pl": "/pl/o-partnerstwie/", "en": "/en/about/"}


def test_switchers_cached_links_never_carry_one_visitors_query_to_another(client, settings):
    settings.PAGE_CACHE_SECONDS = 600
    # Query strings keep the full-page cache out of this: only the layout's fragments are cached.
    filtered = client.get("/en/partners/", {"sector": "public", "fragments": "1"}).content.decode()
    plain = client.get("/en/partners/", {"fragments": "1"}).content.decode()
    filtered_again = client.get("/en/partners/", {"sector": "business", "fragments": "1"}).content.decode()

    assert switcher_links(filtered)["pl"] == "/pl/partnerzy/?sector=public"
    assert switcher_links(plain)["pl"] == "/pl/partnerzy/"
    assert switcher_links(filtered_again)["pl"] == "/pl/partnerzy/?sector=business"
