"""What search engines are told about the pages that are more than one page: partners below their index, page N
of a list, the event archive; the duplicate-description check; the search form and the subscribe address."""

import io
import re
from datetime import timedelta

import pytest

from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Page

from partners.models import PartnerIndexPage

from ..factories.news import EventPageFactory, NewsPageFactory
from ..factories.partners import PartnerFactory
from .test_sitemap_and_seo import meta, sitemap_entries

pytestmark = pytest.mark.django_db


def link(html, rel, hreflang=None):
    attribute = f' hreflang="{hreflang}"' if hreflang else ""
    match = re.search(rf'<link rel="{rel}"{attribute} href="([^"]*)"', html)
    return match.group(1) if match else None


def title(html):
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1)


def switcher_links(html):
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return {language: href for href, language in re.findall(r'<a href="([^"]+)" hreflang="([a-z-]+)"', nav)}


def test_each_partners_page_has_its_own_canonical_description_and_opengraph_tags(client):
    index = client.get("/pl/partnerzy/").content.decode()
    html = client.get("/pl/partnerzy/koziolek/").content.decode()

    assert link(html, "canonical") == "http://testserver/pl/partnerzy/koziolek/"
    assert meta(html, "property", "og:url") == "http://testserver/pl/partnerzy/koziolek/"
    assert meta(html, "name", "description") != meta(index, "name", "description")
    assert meta(html, "property", "og:title") != meta(index, "property", "og:title")
    assert link(html, "alternate", "en") == "http://testserver/en/partners/koziolek/"


def test_every_partners_page_is_in_the_sitemap_paired_with_its_translation(client):
    entries = sitemap_entries(client)

    assert entries["http://testserver/pl/partnerzy/koziolek/"] == {
        "pl": "http://testserver/pl/partnerzy/koziolek/",
        "en": "http://testserver/en/partners/koziolek/",
        "x-default": "http://testserver/pl/partnerzy/koziolek/",
    }
    assert entries["http://testserver/en/partners/koziolek/"] == entries["http://testserver/pl/partnerzy/koziolek/"]


def test_page_n_of_a_list_is_its_own_canonical_url_and_page_one_the_list(client, news_index_en, locale_pl):
    for number in range(11):
        NewsPageFactory(parent=news_index_en, title=f"Item {number}")
    for number in range(PartnerIndexPage.partners_per_page):
        PartnerFactory(locale=locale_pl, name=f"Spółdzielnia {number}", slug=f"spoldzielnia-{number}")

    first = client.get("/en/news/").content.decode()
    second = client.get("/en/news/?page=2").content.decode()
    beyond = client.get("/en/news/?page=99").content.decode()
    partners = client.get("/pl/partnerzy/?page=2").content.decode()

    assert link(first, "canonical") == "http://testserver/en/news/"
    assert link(second, "canonical") == "http://testserver/en/news/?page=2"
    assert meta(second, "property", "og:url") == "http://testserver/en/news/?page=2"
    assert link(beyond, "canonical") == "http://testserver/en/news/?page=2"  # the page actually shown
    assert link(partners, "canonical") == "http://testserver/pl/partnerzy/?page=2"
    # Each page of a list has its own title.
    assert title(second) == "News – Page 2 of 2 – Lublin Partnership for the Development of the Social Economy"
    assert title(first) == "News – Lublin Partnership for the Development of the Social Economy"
    assert title(partners).startswith("Partnerzy – Strona 2 z ")


def test_the_event_archive_has_its_own_title_description_language_links_and_canonical(client, event_index_en):
    EventPageFactory(parent=event_index_en, title="Old meeting", start=timezone.now() - timedelta(days=30))
    events = client.get("/en/events/").content.decode()
    archive = client.get("/en/events/archive/").content.decode()
    polish = client.get("/pl/wydarzenia/archive/").content.decode()

    title = re.search(r"<title>(.*?)</title>", archive).group(1)
    assert title != re.search(r"<title>(.*?)</title>", events).group(1) and title.startswith("Past events")
    assert meta(archive, "name", "description") != meta(events, "name", "description")
    assert link(archive, "canonical") == "http://testserver/en/events/archive/"
    assert link(archive, "alternate", "pl") == "http://testserver/pl/wydarzenia/archive/"
    assert link(archive, "alternate", "en") == "http://testserver/en/events/archive/"
    assert link(polish, "alternate", "en") == "http://testserver/en/events/archive/"
    assert switcher_links(polish)["en"] == "/en/events/archive/"
    assert switcher_links(archive)["pl"] == "/pl/wydarzenia/archive/"


def test_the_event_archive_is_in_the_sitemap_paired_with_its_translation(client):
    entries = sitemap_entries(client)
    # Every entry has a date (the archive's is its index page's while no event is over): a Last-Modified header.
    assert client.get("/sitemap.xml").has_header("Last-Modified")

    assert entries["http://testserver/en/events/archive/"] == {
        "pl": "http://testserver/pl/wydarzenia/archive/",
        "en": "http://testserver/en/events/archive/",
        "x-default": "http://testserver/pl/wydarzenia/archive/",
    }


def check_output():
    output = io.StringIO()
    call_command("check", "--tag", "seo", stdout=output, stderr=output)
    return output.getvalue()


def test_no_two_pages_of_the_content_share_a_meta_description(client):
    assert "seo.W001" not in check_output()


def test_a_check_lists_the_pages_that_share_a_meta_description(locale_en):
    about = Page.objects.get(locale=locale_en, url_path__endswith="/about/").specific
    contact = Page.objects.get(locale=locale_en, url_path__endswith="/contact/").specific
    for page in (about, contact):
        page.search_description = "The same words twice."
        page.save_revision().publish()

    output = check_output()

    assert "seo.W001" in output
    line = next(line for line in output.splitlines() if "seo.W001" in line)
    assert about.title in line and contact.title in line


@pytest.mark.parametrize(
    ("url", "action"), [("/pl/szukaj/?q=partnerstwo", "/pl/szukaj/"), ("/en/search/", "/en/search/")]
)
def test_the_search_forms_send_to_the_search_page(client, url, action):
    html = client.get(url).content.decode()

    assert 'action=""' not in html
    actions = re.findall(r'<form[^>]*role="search"[^>]*action="([^"]*)"', html)
    assert actions and set(actions) == {action}
