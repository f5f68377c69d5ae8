from pathlib import Path

import pytest

from django.core.management import call_command

from wagtail.models import Page, Revision, Site
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from home import content
from home.models import ContactDetails, HomePage

pytestmark = pytest.mark.django_db

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "partnership-site.txt"


def snapshot():
    return {
        "pages": sorted(Page.objects.values_list("id", "title", "slug", "live", "latest_revision_id")),
        "revisions": Revision.objects.count(),
        "sources": TranslationSource.objects.count(),
        "translations": Translation.objects.count(),
        "strings": StringTranslation.objects.count(),
        "contact": sorted(ContactDetails.objects.values_list("id", "locale_id", "office_name")),
    }


def test_second_run_creates_nothing_and_changes_nothing(capsys):
    before = snapshot()

    call_command("load_content")

    assert snapshot() == before
    assert "0 created" in capsys.readouterr().out


def test_loader_builds_the_polish_tree_under_the_default_site(locale_pl):
    site = Site.objects.get(is_default_site=True)
    home = HomePage.objects.get(locale=locale_pl)

    assert site.root_page_id == home.pk
    titles = {child.title for child in home.get_children()}
    assert {"O Partnerstwie", "Jak przystąpić", "Kontakt"} <= titles
    assert {"Deklaracja dostępności", "Polityka prywatności"} <= titles


def test_english_pages_are_wagtail_localize_translations_of_the_polish_ones(locale_pl, locale_en):
    for polish in Page.objects.filter(locale=locale_pl, depth__gte=2):
        source = TranslationSource.objects.get(object_id=polish.translation_key, locale=locale_pl)
        assert Translation.objects.filter(source=source, target_locale=locale_en, enabled=True).exists()
        english = polish.get_translation(locale_en)
        assert english.live
        assert english.title != polish.title


def test_contact_details_exist_in_both_languages_as_one_translation_set(locale_pl, locale_en):
    polish = ContactDetails.objects.get(locale=locale_pl)
    english = polish.get_translation(locale_en)

    assert (polish.office_name, english.office_name) == ("Biuro FLOP", "FLOP Office")
    assert (polish.street, polish.postcode, polish.city) == ("ul. 3 Maja 10/6", "20-078", "Lublin")
    assert english.phone == polish.phone == "81 534 70 04"
    assert TranslationSource.objects.filter(object_id=polish.translation_key).exists()


@pytest.mark.skipif(not SEED.exists(), reason="the partnership's seed text is not beside this checkout")
def test_polish_content_is_the_seed_text_word_for_word():
    seed = " ".join(SEED.read_text(encoding="utf-8").split())
    texts = [
        content.INTRODUCTION,
        content.FOUNDING_STORY,
        content.FORMATION,
        content.INVITATION,
        content.DOCUMENTS_HEADING,
        *content.DECLARATIONS,
        content.FULL_NAME,
    ]
    for text in texts:
        assert text.pl in seed
    attribution = f"({content.QUOTE_ATTRIBUTION.pl}, {content.QUOTE_SOURCE.pl})"
    assert attribution in seed


def test_footer_shows_the_office_address_phone_and_email_on_every_page(client):
    for path in ("/pl/", "/pl/o-partnerstwie/", "/en/how-to-join/"):
        html = client.get(path).content.decode()
        footer = html[html.index("<footer") :]
        assert "ul. 3 Maja 10/6" in footer
        assert "20-078 Lublin" in footer
        assert 'href="tel:+48815347004"' in html
        assert 'href="mailto:partnerstwoeslublin@gmail.com"' in html


def test_contact_page_names_the_secretary_once(client):
    html = client.get("/pl/kontakt/").content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    assert main.count("Ewelina Jocek") == 1


def test_english_footer_is_in_english(client):
    html = client.get("/en/").content.decode()

    assert "FLOP Office" in html
    assert "in the building of the UNIVERSUS School of European Languages" in html
