"""What every page's header and footer carry (templates/base.html, templates/includes/): the partnership's mark,
a search button that says what it does, the menu behind a real button, a compact footer with a © line."""

import re

import pytest

from django.utils import timezone

pytestmark = pytest.mark.django_db

LANGUAGES = ["pl", "en"]
NAMES = {
    "pl": "Lubelskie Partnerstwo na Rzecz Rozwoju Ekonomii Społecznej",
    "en": "Lublin Partnership for the Development of the Social Economy",
}


def part(html, tag):
    return re.search(rf'<{tag} class="site-{tag}">.*?</{tag}>', html, re.S).group(0)


MARK = '<img class="site-brand__mark" src="/static/img/logo-mark.svg" width="48" height="48" alt="">'


@pytest.mark.parametrize(("language", "path"), [("pl", "/pl/o-partnerstwie/"), ("en", "/en/about/")])
def test_header_shows_the_mark_and_the_name_as_a_link_home(client, language, path):
    header = part(client.get(path).content.decode(), "header")

    brand = re.search(r'<a class="site-brand" href="([^"]+)">(.*?)</a>', header, re.S)
    assert brand.group(1) == f"/{language}/"
    assert MARK in brand.group(2)
    assert NAMES[language].split()[0] in brand.group(2)


@pytest.mark.parametrize(("language", "label"), [("pl", "Szukaj"), ("en", "Search")])
def test_header_search_button_is_labelled_with_a_verb(client, language, label):
    header = part(client.get(f"/{language}/").content.decode(), "header")

    assert f'<button type="submit">{label}</button>' in header


def test_menu_sits_in_a_panel_right_after_its_button(client):
    header = part(client.get("/pl/").content.decode(), "header")

    assert re.search(
        r'<button class="site-header__toggle" type="button" aria-expanded="false" aria-controls="site-menu">'
        r'.*?</button>\s*<div class="site-header__menu" id="site-menu">\s*<nav class="main-nav"',
        header,
        re.S,
    )
    assert "hidden" not in re.search(r"<button class=\"site-header__toggle\"[^>]*>", header).group(0)


def test_pages_link_the_icons_and_a_stylesheet_for_browsers_without_javascript(client):
    html = client.get("/pl/").content.decode()

    assert '<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">' in html
    assert '<link rel="icon" href="/static/img/favicon-32.png" sizes="32x32" type="image/png">' in html
    assert '<link rel="apple-touch-icon" href="/static/img/apple-touch-icon.png">' in html
    assert '<noscript><link rel="stylesheet" href="/static/css/no-js.css"></noscript>' in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_footer_names_the_organisation_once_in_a_copyright_line(client, language):
    footer = part(client.get(f"/{language}/").content.decode(), "footer")

    assert footer.count(NAMES[language]) == 1
    assert f'<p class="site-footer__legal">© {timezone.now().year} {NAMES[language]}</p>' in footer


@pytest.mark.parametrize(
    ("language", "privacy", "newsletter"),
    [("pl", "/pl/polityka-prywatnosci/", "/pl/newsletter/"), ("en", "/en/privacy-policy/", "/en/newsletter/")],
)
def test_footer_links_the_privacy_policy_once_and_the_newsletter_page(client, language, privacy, newsletter):
    footer = part(client.get(f"/{language}/").content.decode(), "footer")

    assert footer.count(f'href="{privacy}"') == 1
    assert f'<li><a href="{newsletter}">Newsletter</a></li>' in footer


@pytest.mark.parametrize("language", LANGUAGES)
def test_footer_newsletter_is_spelled_the_same_in_both_languages(client, language):
    footer = part(client.get(f"/{language}/").content.decode(), "footer")

    assert "NewsLetter" not in footer
    assert '<h2 id="newsletter-footer-heading">Newsletter</h2>' in footer


def test_footer_gives_the_office_address_phone_and_e_mail_under_contact(client):
    footer = part(client.get("/pl/").content.decode(), "footer")

    contact = re.search(r'<div class="contact-details contact-details--compact">.*?</div>', footer, re.S).group(0)
    assert "<h2>Kontakt</h2>" in contact
    assert "ul. 3 Maja 10/6" in contact and "20-078 Lublin" in contact
    assert 'href="tel:+48815347004"' in contact and 'href="mailto:partnerstwoeslublin@gmail.com"' in contact
