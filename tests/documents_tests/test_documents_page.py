import json

import pytest

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form
from wagtail.models import Collection, CollectionViewRestriction
from wagtail_localize.models import OverridableSegment, SegmentOverride, Translation, TranslationSource

from documents.content import DECLARATIONS
from tests.pdfs import pdf_text

from ..factories.documents import DocumentEntryFactory, DocumentIndexPageFactory, PDFDocumentFactory
from .conftest import response_bytes

pytestmark = pytest.mark.django_db

PAGE_PATHS = {"pl": "/pl/dokumenty/", "en": "/en/documents/"}


@pytest.mark.parametrize("language", ["pl", "en"])
def test_both_languages_list_the_three_declarations_as_downloadable_pdfs(client, documents_page, language):
    page = documents_page(language)
    response = client.get(PAGE_PATHS[language])

    assert response.status_code == 200
    html = response.content.decode()
    entries = page.visible_entries
    assert [entry.title for entry in entries] == [getattr(declaration, language) for declaration in DECLARATIONS]
    for entry, declaration in zip(entries, DECLARATIONS, strict=True):
        assert entry.download_url in html
        assert entry.file_type == "PDF"
        with translation.override(language):
            assert f"PDF, {entry.file_size_display}" in html
        download = client.get(entry.download_url)
        assert download.status_code == 200
        assert download["Content-Type"] == "application/pdf"
        assert declaration.pl in pdf_text(response_bytes(download))


def test_the_english_page_says_the_declarations_are_in_polish(client):
    html = client.get(PAGE_PATHS["en"]).content.decode()
    assert html.count("File in Polish only") == 3
    assert 'hreflang="pl"' in html


def test_the_polish_page_does_not_mark_polish_files(client):
    html = client.get(PAGE_PATHS["pl"]).content.decode()
    assert "tylko w języku" not in html


def test_a_translator_can_point_the_english_entry_at_an_english_file(
    client, documents_page, locale_en, django_capture_on_commit_callbacks
):
    polish_page = documents_page("pl")
    entry = polish_page.entries.order_by("sort_order").last()
    english_file = PDFDocumentFactory(title="Accession Declaration (English)")
    source = TranslationSource.objects.get_for_instance(polish_page)
    segment = OverridableSegment.objects.get(source=source, context__path=f"entries.{entry.translation_key}.document")
    SegmentOverride.objects.create(locale=locale_en, context=segment.context, data_json=json.dumps(english_file.pk))

    with django_capture_on_commit_callbacks(execute=True):
        Translation.objects.get(source=source, target_locale=locale_en).save_target(publish=True)

    english = documents_page("en")
    overridden = english.visible_entries[-1]
    assert overridden.document_id == english_file.pk
    assert overridden.file_language == "en" and overridden.is_in_page_language
    assert [e.file_language for e in english.visible_entries[:2]] == ["pl", "pl"]
    html = client.get(PAGE_PATHS["en"]).content.decode()
    assert html.count("File in Polish only") == 2
    assert english_file.url in html


def _restricted_collection():
    collection = Collection.get_first_root_node().add_child(name="Tylko dla członków")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get(name="Editors")])
    return collection


def test_a_document_in_a_private_collection_is_neither_listed_nor_served_to_visitors(client, documents_page):
    page = documents_page("pl")
    private = PDFDocumentFactory(title="Protokół wewnętrzny", collection=_restricted_collection())
    DocumentEntryFactory(page=page, document=private, title="Protokół wewnętrzny", locale=page.locale)

    html = client.get(PAGE_PATHS["pl"]).content.decode()
    assert "Protokół wewnętrzny" not in html
    response = client.get(private.url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert client.get(f"/api/v2/documents/{private.pk}/").status_code == 404
    listing = client.get("/api/v2/documents/?limit=100").json()
    assert private.pk not in [item["id"] for item in listing["items"]]


def test_an_html_file_stored_as_a_document_is_downloaded_never_rendered(client):
    Document = get_document_model()
    document = Document(title="strona", collection=Collection.get_first_root_node())
    document.file.save("strona.html", ContentFile(b"<script>alert(1)</script>"), save=False)
    document.save()

    response = client.get(document.url)

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_uploads_are_limited_to_office_and_pdf_formats_and_in_size(settings):
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE == 20 * 1024 * 1024
    assert not {"html", "htm", "svg", "js"} & set(settings.WAGTAILDOCS_EXTENSIONS)
    Document = get_document_model()
    form_class = get_document_form(Document)
    for name in ("strona.html", "rysunek.svg"):
        form = form_class(
            data={"title": name, "collection": Collection.get_first_root_node().pk},
            files={"file": ContentFile(b"<svg/>", name=name)},
        )
        assert not form.is_valid()
        assert "file" in form.errors


def test_the_documents_page_lists_any_number_of_entries_in_the_same_number_of_queries(
    client, django_assert_num_queries, locale_pl, documents_page
):
    home = documents_page("pl").get_parent()
    few = DocumentIndexPageFactory(parent=home, slug="kilka", locale=locale_pl)
    many = DocumentIndexPageFactory(parent=home, slug="wiele", locale=locale_pl)
    for page, count in ((few, 1), (many, 6)):
        for _n in range(count):
            DocumentEntryFactory(page=page, locale=locale_pl)

    def count_queries(page):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(page.url).status_code == 200
        return len(queries)

    count_queries(few)  # the first view stores each file's size, and warms the site and locale caches
    count_queries(many)
    expected = count_queries(few)
    with django_assert_num_queries(expected):
        client.get(many.url)
