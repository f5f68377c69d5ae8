"""The files on the documents pages as site search results: what the documents page lists, nothing it hides."""

import io
import json
import re

import pytest

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction
from wagtail_localize.models import OverridableSegment, SegmentOverride, Translation, TranslationSource

from documents.models import DocumentEntry, DocumentIndexPage
from search.models import SearchEntry

from ..factories.documents import DocumentEntryFactory, PDFDocumentFactory

pytestmark = pytest.mark.django_db

SEARCH_URLS = {"pl": "/pl/szukaj/", "en": "/en/search/"}
RESULT_RE = re.compile(
    r'<li class="search-result">\s*'
    r'<h2 class="search-result__title"><a href="(?P<url>[^"]+)"(?: hreflang="(?P<hreflang>[^"]+)")?>'
    r"(?P<title>[^<]*)</a></h2>\s*"
    r'<p class="search-result__kind">(?P<kind>[^<]*?)'
    r'(?: <span class="search-result__language">· (?P<note>[^<]*)</span>)?</p>'
)


def search(client, query, language="pl"):
    response = client.get(SEARCH_URLS[language], {"q": query})
    assert response.status_code == 200
    return [match.groupdict() for match in RESULT_RE.finditer(response.content.decode())]


def found_documents(client, query, language="pl"):
    """The results that are files (Wagtail serves them under /documents/), in order."""
    return [result for result in search(client, query, language) if result["url"].startswith("/documents/")]


def found_urls(client, query, language="pl"):
    return [result["url"] for result in found_documents(client, query, language)]


def fresh(page):
    return DocumentIndexPage.objects.get(pk=page.pk)


def restrict(collection):
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get(name="Editors")])
    return restriction


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("deklaracji ideowej", "Deklaracja Ideowa"),
        ("deklaracją powołania", "Deklaracja Powołania"),
        ("deklaracje przystąpienia", "Deklaracja Przystąpienia"),
    ],
)
def test_load_content_leaves_the_declarations_findable_in_other_polish_word_forms(
    client, documents_page_pl, query, title
):
    entry = documents_page_pl.entries.get(title=title)

    assert found_documents(client, query) == [
        {"url": entry.download_url, "hreflang": None, "title": title, "kind": "Dokument", "note": None}
    ]


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("deklaracja powolania", "Deklaracja Powołania"),
        ("DEKLARACJA PRZYSTAPIENIA", "Deklaracja Przystąpienia"),
        ("przystapienia", "Deklaracja Przystąpienia"),
    ],
)
def test_a_declaration_is_found_without_diacritics(client, documents_page_pl, query, title):
    entry = documents_page_pl.entries.get(title=title)

    assert found_urls(client, query) == [entry.download_url]


def test_a_description_is_searched_and_shown_as_a_highlighted_snippet(client):
    response = client.get(SEARCH_URLS["pl"], {"q": "formularz do wypelnienia"})

    html = response.content.decode()
    assert "Deklaracja Przystąpienia" in html
    assert "<mark>Formularz</mark> do <mark>wypełnienia</mark> odręcznie" in html


def test_the_english_search_finds_the_english_entry_marked_as_a_polish_file(client, documents_page_en):
    english = documents_page_en.entries.get(title="Ideological Declaration")

    assert found_documents(client, "ideological declarations", "en") == [
        {
            "url": english.download_url,
            "hreflang": "pl",
            "title": "Ideological Declaration",
            "kind": "Document",
            "note": "File in Polish only",
        }
    ]
    assert "Deklaracja Ideowa" not in [result["title"] for result in search(client, "declaration", "en")]
    assert found_documents(client, "deklaracja ideowa", "en") == []
    assert found_documents(client, "ideological declaration", "pl") == []


def test_an_english_entry_given_an_english_file_links_to_it_unmarked(
    client, documents_page_pl, locale_en, django_capture_on_commit_callbacks
):
    entry = documents_page_pl.entries.order_by("sort_order").last()
    english_file = PDFDocumentFactory(title="Accession Declaration (English)")
    source = TranslationSource.objects.get_for_instance(documents_page_pl)
    segment = OverridableSegment.objects.get(source=source, context__path=f"entries.{entry.translation_key}.document")
    SegmentOverride.objects.create(locale=locale_en, context=segment.context, data_json=json.dumps(english_file.pk))

    with django_capture_on_commit_callbacks(execute=True):
        Translation.objects.get(source=source, target_locale=locale_en).save_target(publish=True)

    assert found_documents(client, "accession declaration", "en") == [
        {"url": english_file.url, "hreflang": None, "title": "Accession Declaration", "kind": "Document", "note": None}
    ]
    assert found_urls(client, "deklaracja przystapienia") == [entry.download_url]


def test_a_file_in_a_restricted_collection_or_below_one_is_not_found(client, documents_page_pl):
    members = Collection.get_first_root_node().add_child(name="Dla członków")
    minutes = members.add_child(name="Protokoły")
    entry = DocumentEntryFactory(
        page=documents_page_pl,
        title="Protokół zebrania zarządu",
        document=PDFDocumentFactory(collection=minutes),
    )
    assert found_urls(client, "protokół zebrania") == [entry.download_url]

    restriction = restrict(members)
    assert found_urls(client, "protokoly zebrania") == []
    assert "Protokół zebrania" not in client.get(documents_page_pl.url).content.decode()

    restriction.delete()
    assert found_urls(client, "protokoly zebrania") == [entry.download_url]


def test_moving_a_listed_file_into_a_restricted_collection_hides_it(client, documents_page_pl):
    entry = documents_page_pl.entries.get(title="Deklaracja Ideowa")
    private = Collection.get_first_root_node().add_child(name="Archiwum wewnętrzne")
    restrict(private)

    document = entry.document
    document.collection = private
    document.save()

    assert found_documents(client, "deklaracja ideowa") == []
    assert found_documents(client, "ideological declaration", "en") == []


def test_the_files_of_an_unpublished_page_are_not_found_until_it_is_published_again(client, documents_page_pl):
    url = documents_page_pl.entries.get(title="Deklaracja Ideowa").download_url

    documents_page_pl.unpublish()
    assert found_urls(client, "deklaracja ideowa") == []

    fresh(documents_page_pl).get_latest_revision().publish()
    assert found_urls(client, "deklaracja ideowa") == [url]


@pytest.mark.parametrize("restricted", ["the documents page", "the home page above it"])
def test_the_files_of_a_private_page_are_not_found(client, documents_page_pl, restricted):
    page = documents_page_pl if restricted == "the documents page" else documents_page_pl.get_parent()
    assert found_documents(client, "deklaracja ideowa")

    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="x")

    assert found_documents(client, "deklaracja ideowa") == []


def test_a_file_added_in_a_draft_is_found_only_once_the_page_is_published(client, documents_page_pl):
    page = fresh(documents_page_pl)
    document = PDFDocumentFactory(title="Regulamin")
    page.entries.add(
        DocumentEntry(title="Regulamin Partnerstwa", description="Zasady współpracy", document=document, language="pl")
    )

    revision = page.save_revision()
    assert found_documents(client, "regulaminu") == []

    revision.publish()
    assert found_urls(client, "regulaminu") == [document.url]
    assert "<mark>współpracy</mark>" in client.get(SEARCH_URLS["pl"], {"q": "wspolpraca"}).content.decode()


def test_an_entry_removed_from_the_page_is_not_found(client, documents_page_pl):
    page = fresh(documents_page_pl)
    page.entries = [entry for entry in page.entries.all() if entry.title != "Deklaracja Ideowa"]

    page.save_revision().publish()

    assert found_documents(client, "deklaracja ideowa") == []
    assert len(found_documents(client, "deklaracja powolania")) == 1


def test_a_deleted_entry_and_the_files_of_a_deleted_page_are_not_found(client, documents_page_pl):
    documents_page_pl.entries.get(title="Deklaracja Ideowa").delete()
    assert found_documents(client, "deklaracja ideowa") == []
    assert len(found_documents(client, "deklaracja powolania")) == 1

    documents_page_pl.delete()
    assert found_documents(client, "deklaracja powolania") == []
    assert not SearchEntry.objects.filter(page_id=documents_page_pl.pk).exists()
    assert len(found_documents(client, "founding declaration", "en")) == 1


def test_renaming_an_entry_or_replacing_its_file_updates_the_result(client, documents_page_pl):
    page = fresh(documents_page_pl)
    entries = list(page.entries.order_by("sort_order"))
    entries[0].title = "Karta Zasad Partnerstwa"
    page.entries = entries
    page.save_revision().publish()

    assert [result["title"] for result in found_documents(client, "karty zasad")] == ["Karta Zasad Partnerstwa"]
    assert found_documents(client, "deklaracja ideowa") == []

    document = entries[0].document
    old_url = document.url
    document.file = ContentFile(b"%PDF-1.4\n%%EOF\n", name="karta-zasad.pdf")
    document.save()

    assert "/karta-zasad" in document.url and document.url != old_url
    assert found_urls(client, "karty zasad") == [document.url]
    assert found_urls(client, "ideological declaration", "en") == [document.url]


def test_the_search_takes_as_many_queries_for_30_files_as_for_2(
    client, documents_page_en, locale_en, django_assert_num_queries
):
    restrict(Collection.get_first_root_node().add_child(name="Private"))

    def add_reports(count):
        for _n in range(count):
            DocumentEntryFactory(
                page=documents_page_en, locale=locale_en, title="Annual report", description="Finances of the year."
            )

    add_reports(2)
    search(client, "annual reports", "en")  # warms the site, locale and content type caches
    with CaptureQueriesContext(connection) as queries:
        assert len(found_documents(client, "annual reports", "en")) == 2
    few = len(queries)  # read now: the next request empties the connection's query log
    add_reports(28)
    search(client, "annual reports", "en")  # new files bumped the content version the footer's link is cached by

    with django_assert_num_queries(few):
        results = found_documents(client, "annual reports", "en")
    assert len(results) == 10
    assert all(result["note"] == "File in Polish only" for result in results)


def test_the_pages_api_search_still_answers_pages_only(client, documents_page_pl):
    DocumentEntryFactory(page=documents_page_pl, title="Sprawozdanie finansowe", description="Bilans roczny.")
    assert len(found_documents(client, "sprawozdania finansowego")) == 1

    response = client.get("/api/v2/pages/", {"search": "sprawozdania finansowego", "locale": "pl"})

    assert response.status_code == 200
    assert response.json()["meta"]["total_count"] == 0


def test_the_documents_api_search_never_lists_a_file_in_a_private_collection(client):
    PDFDocumentFactory(title="Protokół tajny", collection=Collection.get_first_root_node().add_child(name="Zarząd"))
    restrict(Collection.objects.get(name="Zarząd"))
    PDFDocumentFactory(title="Protokół jawny")

    response = client.get("/api/v2/documents/", {"search": "protokół"})

    assert response.status_code == 200
    assert [item["title"] for item in response.json()["items"]] == ["Protokół jawny"]


def test_rebuild_search_entries_indexes_the_files_of_live_pages_only(client, documents_page_pl, documents_page_en):
    url = documents_page_pl.entries.get(title="Deklaracja Ideowa").download_url
    documents_page_en.unpublish()
    SearchEntry.objects.all().delete()
    assert found_urls(client, "deklaracja ideowa") == []

    call_command("rebuild_search_entries", stdout=io.StringIO())

    assert found_urls(client, "deklaracja ideowa") == [url]
    english_entries = [str(pk) for pk in documents_page_en.entries.values_list("pk", flat=True)]
    entry_type = ContentType.objects.get_for_model(DocumentEntry)
    assert not SearchEntry.objects.filter(content_type=entry_type, object_id__in=english_entries).exists()


def test_viewing_the_documents_page_writes_nothing_to_the_search_index(client, documents_page_pl):
    """Wagtail stores each file's size when the page first shows it: that changes nothing the search shows."""
    get_document_model().objects.update(file_size=None)

    with CaptureQueriesContext(connection) as queries:
        assert client.get(documents_page_pl.url).status_code == 200

    assert any("file_size" in query["sql"] for query in queries.captured_queries)
    assert not [query["sql"] for query in queries.captured_queries if "search_searchentry" in query["sql"]]
