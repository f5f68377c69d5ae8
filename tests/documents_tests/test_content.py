import io

import pytest

from django.core.management import call_command

from wagtail.documents import get_document_model

from documents.models import AccessionPage, DocumentEntry, DocumentIndexPage
from home.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


def test_loading_the_content_again_stores_no_second_copy_of_the_declarations(django_capture_on_commit_callbacks):
    Document = get_document_model()
    before = (Document.objects.count(), DocumentEntry.objects.count(), DocumentIndexPage.objects.count())

    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_content", stdout=io.StringIO())

    assert (Document.objects.count(), DocumentEntry.objects.count(), DocumentIndexPage.objects.count()) == before


def test_the_documents_page_and_the_online_declaration_exist_in_both_languages(documents_page, accession_page):
    for code in ("pl", "en"):
        documents = documents_page(code)
        accession = accession_page(code)
        assert documents.live and accession.live
        assert isinstance(documents.get_parent().specific, HomePage)
        assert isinstance(accession.get_parent().specific, StandardPage)
    assert documents_page("pl").title == "Dokumenty do pobrania"
    assert documents_page("en").title == "Documents"
    assert accession_page("en").title == "Online accession declaration"


def test_page_types_declare_where_they_live_and_what_the_api_shows():
    assert DocumentIndexPage.parent_page_types == ["home.HomePage"]
    assert AccessionPage.parent_page_types == ["home.StandardPage"]
    assert DocumentIndexPage.subpage_types == [] and AccessionPage.subpage_types == []
    assert "documents" in [field.name for field in DocumentIndexPage.api_fields]
    assert DocumentIndexPage in HomePage.allowed_subpage_models()
    assert AccessionPage in StandardPage.allowed_subpage_models()
