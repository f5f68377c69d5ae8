import pytest

from home.models import HomePage
from newsletter.content import CONSENT, INVITATION
from newsletter.models import ConsentText, NewsletterPage

from ..factories.newsletter import NewsletterPageFactory

pytestmark = pytest.mark.django_db


def test_loader_creates_the_newsletter_page_in_both_languages(locale_pl, locale_en):
    pages = {page.locale.language_code: page for page in NewsletterPage.objects.live().select_related("locale")}
    assert set(pages) == {"pl", "en"}
    assert pages["pl"].title == "NewsLetter"
    assert pages["pl"].intro == INVITATION.pl
    assert pages["en"].intro == INVITATION.en
    assert pages["en"].translation_key == pages["pl"].translation_key


@pytest.mark.parametrize("language", ["pl", "en"])
def test_loader_seeds_an_honest_consent_text_in_each_language(language):
    text = ConsentText.objects.get(language=language, version=1).text
    assert text == getattr(CONSENT, language)
    assert "partnerstwoeslublin@gmail.com" in text


@pytest.mark.parametrize("language", ["pl", "en"])
def test_newsletter_page_shows_the_invitation_and_one_signup_form(client, language):
    page = NewsletterPage.objects.get(locale__language_code=language)

    response = client.get(page.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert getattr(INVITATION, language) in html
    assert html.count('name="consent"') == 1
    assert "newsletter-signup--page" in html


def test_loading_the_content_again_creates_nothing(capsys):
    from django.core.management import call_command

    before = (NewsletterPage.objects.count(), ConsentText.objects.count())
    call_command("load_content")
    assert (NewsletterPage.objects.count(), ConsentText.objects.count()) == before


def test_newsletter_page_lives_under_the_home_page_only():
    assert NewsletterPage.parent_page_types == ["home.HomePage"]
    assert NewsletterPage.subpage_types == []
    assert "newsletter.NewsletterPage" in HomePage.subpage_types


def test_newsletter_page_factory_builds_a_page_under_home(locale_pl):
    home = HomePage.objects.get(locale=locale_pl)
    NewsletterPage.objects.filter(locale=locale_pl).delete()
    page = NewsletterPageFactory(parent=home, slug="newsletter-factory")
    assert page.get_parent().specific == home


@pytest.mark.parametrize("language", ["pl", "en"])
def test_the_consent_text_is_linked_to_the_privacy_page_of_its_language(client, language):
    """The newsletter page's form shows the full consent text with the privacy policy; the footer's one-line note
    links to that full text (and the footer links the privacy policy once, among its links)."""
    from home.models import PrivacyPage

    privacy_url = PrivacyPage.objects.get(locale__language_code=language).url
    home = HomePage.objects.get(locale__language_code=language)
    newsletter = NewsletterPage.objects.get(locale__language_code=language)

    page_form = client.get(newsletter.url).content.decode()
    page_form = page_form[page_form.index('class="newsletter-signup newsletter-signup--page') :]
    assert f'<a href="{privacy_url}">' in page_form[: page_form.index("</form>")]
    footer_form = client.get(home.url).content.decode()
    footer_form = footer_form[footer_form.index('class="newsletter-signup newsletter-signup--footer') :]
    assert f'href="{newsletter.url}#newsletter-page-consent"' in footer_form[: footer_form.index("</form>")]
