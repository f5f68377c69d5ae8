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
