"""The documents page ends with a link to the online accession declaration, through ``membership_tags``."""

import pytest

from documents.models import DocumentIndexPage

pytestmark = pytest.mark.django_db

LINK_TEXT = {"pl": "Złóż deklarację przystąpienia online", "en": "Submit the accession declaration online"}


@pytest.mark.parametrize("language", ["pl", "en"])
def test_the_documents_page_links_to_the_accession_page_of_its_language(client, accession_page, language):
    documents = DocumentIndexPage.objects.get(locale__language_code=language)

    html = client.get(documents.url).content.decode()

    assert LINK_TEXT[language] in html
    assert f'href="{accession_page(language).url}"' in html


def test_the_documents_page_does_not_link_to_an_unpublished_accession_page(client, accession_page):
    accession = accession_page("pl")
    accession.unpublish()
    documents = DocumentIndexPage.objects.get(locale__language_code="pl")

    html = client.get(documents.url).content.decode()

    assert LINK_TEXT["pl"] not in html
    assert f'href="{accession.url}"' not in html
