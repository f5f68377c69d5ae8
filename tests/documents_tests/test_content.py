import io

import pytest

from django.core.management import call_command

from wagtail.documents import get_document_model

from documents.models import DocumentEntry, DocumentIndexPage
from home.models import HomePage

pytestmark = pytest.mark.django_db


def test_loading_the_content_again_stores_no_second_copy_of_the_declarations(django_capture_on_commit_callbacks):
    Document = get_document_model()
    before = (Document.objects.count(), DocumentEntry.objects.count(), DocumentIndexPage.objects.count())

    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_content", stdout=io.StringIO())

    assert (Document.objects.count(), DocumentEntry.objects.count(), DocumentIndexPage.objects.count()) == before


def test_the_documents_page_exists_in_both_languages(documents_page):
    for code in ("pl", "en"):
        documents = documents_page(code)
        assert documents.live
        assert isinstance(documents.get_parent().specific, HomePage)
    assert documents_page("pl").title == "Dokumenty do pobrania"
    assert documents_page("en").title == "Documents"


def test_the_page_type_declares_where_it_lives_and_what_the_api_shows():
    assert DocumentIndexPage.parent_page_types == ["home.HomePage"]
    assert DocumentIndexPage.subpage_types == []
    assert "documents" in [field.name for field in DocumentIndexPage.api_fields]
    assert DocumentIndexPage in HomePage.allowed_subpage_models()
