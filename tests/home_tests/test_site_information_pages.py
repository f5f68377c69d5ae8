"""The accessibility statement (deklaracja dostępności) and the privacy policy: structure, content, links."""

import re

import pytest

from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from home import content_privacy, privacy
from home.content import QUOTE_SOURCE
from home.models import AccessibilityStatementPage, HomePage, PrivacyPage, StandardPage
from membership.consent import consent_text
from newsletter import content as newsletter_content

from ..factories.home import AccessibilityStatementPageFactory, PrivacyPageFactory
from ..page_types import add_a_news_item_and_an_event, one_page_of_each_type

pytestmark = pytest.mark.django_db

STATEMENT_URLS = {"pl": "/pl/deklaracja-dostepnosci/", "en": "/en/accessibility-statement/"}
PRIVACY_URLS = {"pl": "/pl/polityka-prywatnosci/", "en": "/en/privacy-policy/"}
# The ids the Polish Ministry's technical conditions for the statement (version 2.0) require.
REQUIRED_IDS = [
    "a11y-wstep",
    "a11y-podmiot",
    "a11y-url",
    "a11y-data-publikacja",
    "a11y-data-aktualizacja",
    "a11y-status",
    "a11y-data-sporzadzenie",
    "a11y-data-przeglad",
    "a11y-kontakt",
    "a11y-osoba",
    "a11y-email",
    "a11y-telefon",
    "a11y-procedura",
    "a11y-architektura",
    "a11y-aplikacje",
]


@pytest.mark.parametrize("language", ["pl", "en"])
def test_accessibility_statement_has_every_element_the_polish_template_requires(client, language):
    html = client.get(STATEMENT_URLS[language]).content.decode()

    for element_id in REQUIRED_IDS:
        assert html.count(f'id="{element_id}"') == 1, element_id
    for element_id in ("a11y-data-publikacja", "a11y-data-aktualizacja", "a11y-data-sporzadzenie"):
        assert re.search(rf'<time id="{element_id}" datetime="\d{{4}}-\d{{2}}-\d{{2}}">', html), element_id


@pytest.mark.parametrize(
    ("language", "status"),
    [("pl", "częściowo zgodna"), ("en", "partially compliant")],
)
def test_accessibility_statement_states_the_sites_true_status_and_what_is_not_accessible(client, language, status):
    html = client.get(STATEMENT_URLS[language]).content.decode()

    assert status in html
    assert "axe-core" in html
    assert "1280" in html and "375" in html
    assert "PDF" in html


def test_accessibility_statement_contact_is_the_partnerships_secretary(client):
    html = client.get(STATEMENT_URLS["pl"]).content.decode()

    assert '<span id="a11y-osoba">Ewelina Jocek</span>' in html
    assert '<a id="a11y-email" href="mailto:partnerstwoeslublin@gmail.com">' in html
    assert '<a id="a11y-telefon" href="tel:+48815347004">81 534 70 04</a>' in html
    assert '<span id="a11y-podmiot">Lubelskie Partnerstwo na Rzecz Rozwoju Ekonomii Społecznej</span>' in html


LINK_NAMES = {
    "pl": {"statement": "Deklaracja dostępności", "privacy": "Polityka prywatności"},
    "en": {"statement": "Accessibility statement", "privacy": "Privacy policy"},
}


@pytest.mark.parametrize("language", ["pl", "en"])
def test_every_page_type_carries_the_statement_meta_tag_and_footer_links(client, language):
    add_a_news_item_and_an_event(language)
    names = LINK_NAMES[language]
    pages = one_page_of_each_type(language)
    assert len(pages) >= 12  # every page type the site has, not just a few

    for path in pages.values():
        html = client.get(path).content.decode()

        assert f'<meta name="deklaracja-dostępności" content="http://testserver{STATEMENT_URLS[language]}">' in html
        footer = html.split('<footer class="site-footer">')[1]
        assert f'<a href="{STATEMENT_URLS[language]}">{names["statement"]}</a>' in footer, path
        # The site-information list links the policy, and so does the newsletter signup's consent text (except on
        # the newsletter page, whose own form is in the main content): every such link leads to this language's.
        privacy_links = re.findall(rf'<a href="([^"]*)">{names["privacy"]}</a>', footer)
        assert privacy_links and set(privacy_links) == {PRIVACY_URLS[language]}, path


@pytest.mark.parametrize(
    ("language", "phrases"),
    [
        (
            "pl",
            [
                "Administratorem danych osobowych jest Lubelskie Partnerstwo",
                "ul. 3 Maja 10/6, 20-078 Lublin",
                "partnerstwoeslublin@gmail.com",
                "art. 6 ust. 1 lit. a RODO",
                "art. 6 ust. 1 lit. f RODO",
                "Prezesa Urzędu Ochrony Danych Osobowych",
                "nie używa plików cookies analitycznych",
            ],
        ),
        (
            "en",
            [
                "The controller of personal data is Lubelskie Partnerstwo",
                "ul. 3 Maja 10/6",
                "partnerstwoeslublin@gmail.com",
                "Article 6(1)(a) GDPR",
                "Article 6(1)(f) GDPR",
                "President of the Personal Data Protection Office",
                "no analytics, advertising or other non-essential cookies",
            ],
        ),
    ],
)
def test_privacy_policy_names_controller_legal_bases_rights_complaint_and_cookies(client, language, phrases):
    response = client.get(PRIVACY_URLS[language])

    assert response.status_code == 200
    html = response.content.decode()
    for phrase in phrases:
        assert phrase in html


@pytest.mark.parametrize(
    ("language", "forms"),
    [
        ("pl", ["Newsletter", "Formularz kontaktowy", "Deklaracja przystąpienia", "Logowanie do panelu"]),
        ("en", ["Newsletter", "Contact form", "Declaration of accession", "Logging in to the editors’ panel"]),
    ],
)
def test_privacy_policy_covers_each_form_with_its_basis_recipients_and_retention(client, language, forms):
    html = client.get(PRIVACY_URLS[language]).content.decode()

    for form in forms:
        assert form in html
    assert html.count("<dt>") == 4 * len(privacy.PURPOSES)


@pytest.mark.parametrize(
    ("language", "periods"),
    [
        ("pl", ["usuwamy po upływie 7 dni", "po upływie 400 dni od decyzji", "21 dni od próby logowania"]),
        ("en", ["deleted after 7 days", "deleted 400 days after the decision", "21 days from the attempt"]),
    ],
)
def test_privacy_page_shows_the_retention_periods_the_purge_applies(client, settings, language, periods):
    settings.NEWSLETTER_UNCONFIRMED_RETENTION_DAYS = 7
    settings.MEMBERSHIP_REJECTED_RETENTION_DAYS = 400
    settings.AXES_RETENTION_DAYS = 21

    html = client.get(PRIVACY_URLS[language]).content.decode()

    for period in periods:
        assert period in html


def test_editors_keep_the_prose_and_the_generated_purposes_stay_out_of_it():
    headings = [value["text"].pl for kind, value in content_privacy.BODY if kind == "heading"]

    assert headings == ["Administrator danych", "Twoje prawa", "Pliki cookies"]
    assert not any("art. 6 ust. 1" in text.pl for text in _paragraph_texts())


def test_the_accession_clause_names_the_basis_the_privacy_page_shows():
    with translation.override("pl"):
        clause = consent_text("Lubelskie Partnerstwo")
        basis = str(privacy.ACCESSION.legal_bases[0])

    assert basis in clause
    assert "art. 6 ust. 1 lit. f RODO" in clause
    assert "Wyrażam zgodę" not in clause


def _paragraph_texts():
    return [part for kind, value in content_privacy.BODY if kind == "paragraph" for part in value.parts]


@pytest.mark.parametrize("language", ["pl", "en"])
def test_privacy_page_url_tag_gives_the_page_in_the_active_language(language):
    request = RequestFactory().get(f"/{language}/")
    template = Template("{% load site_tags %}{% privacy_page_url %}|{% privacy_page_url full=True %}")

    with translation.override(language):
        relative, full = template.render(Context({"request": request})).split("|")

    assert relative == PRIVACY_URLS[language]
    assert full == f"http://testserver{PRIVACY_URLS[language]}"


def test_privacy_page_url_tag_is_empty_when_there_is_no_privacy_page():
    PrivacyPage.objects.all().delete()
    request = RequestFactory().get("/pl/")

    assert Template("{% load site_tags %}{% privacy_page_url %}").render(Context({"request": request})) == ""


def test_footer_tags_cost_the_same_queries_on_every_page(client, django_assert_max_num_queries):
    client.get("/pl/")  # warm the site-root cache
    with django_assert_max_num_queries(25):
        client.get("/pl/o-partnerstwie/")


def test_english_quote_marks_the_polish_title_of_its_source(client):
    english = client.get("/en/").content.decode()
    polish = client.get("/pl/").content.decode()
    title, _bracket, rest = QUOTE_SOURCE.en.partition(" [")

    assert f'<cite lang="pl">{title}</cite> [{rest}' in english
    assert f"<cite>{QUOTE_SOURCE.pl}</cite>" in polish


def test_site_information_pages_live_only_under_the_home_page_once(locale_pl):
    home = HomePage.objects.get(locale=locale_pl)
    about = StandardPage.objects.filter(locale=locale_pl).first()

    for model in (AccessibilityStatementPage, PrivacyPage):
        assert model.allowed_parent_page_models() == [HomePage]
        assert model.allowed_subpage_models() == []
        assert not model.can_create_at(home), "one per home page, and the content already has it"
        assert not model.can_create_at(about)


def test_factories_build_valid_site_information_pages(locale_pl):
    home = HomePage.objects.get(locale=locale_pl)
    AccessibilityStatementPage.objects.all().delete()
    PrivacyPage.objects.all().delete()

    statement = AccessibilityStatementPageFactory(parent=home)
    privacy = PrivacyPageFactory(parent=home)

    statement.full_clean()
    privacy.full_clean()


@pytest.mark.parametrize("language", ["pl", "en"])
def test_the_newsletter_consent_names_the_basis_the_privacy_page_shows(language):
    with translation.override(language):
        basis = str(privacy.NEWSLETTER.legal_bases[0])

    assert basis in getattr(newsletter_content.CONSENT, language)
