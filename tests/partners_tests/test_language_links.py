import re

import pytest

pytestmark = pytest.mark.django_db


def switcher_links(html):
    pattern = r'<a href="([^"]+)" hreflang="(?:pl|en)" lang="(pl|en)"'
    return {lang: url for url, lang in re.findall(pattern, html)}


def hreflang_links(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def test_switcher_on_a_partner_page_links_to_the_partners_translation(client):
    html = client.get("/pl/partnerzy/koziolek/").content.decode()

    assert switcher_links(html) == {
        "pl": "/pl/partnerzy/koziolek/",
        "en": "/en/partners/koziolek/",
    }


def test_partner_page_names_itself_and_its_translation_as_alternates(client):
    html = client.get("/en/partners/koziolek/").content.decode()

    assert hreflang_links(html) == {
        "pl": "http://testserver/pl/partnerzy/koziolek/",
        "en": "http://testserver/en/partners/koziolek/",
        "x-default": "http://testserver/pl/partnerzy/koziolek/",
    }
