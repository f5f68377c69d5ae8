"""Safer publishing of files: a replaced document keeps its old address (a redirect to the current file, after
Wagtail's checks), and the placeholders the site generated for declarations it has no text of are marked in the
admin's documents list until an editor uploads the originals."""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from documents.content import placeholder_hashes
from documents.models import FormerDocumentFile, PlaceholderFile
from tests.factories.documents import PDFDocumentFactory
from tests.factories.editorial import EditorFactory

from .conftest import response_bytes

pytestmark = pytest.mark.django_db

SIGNED = b"%PDF-1.4\n% the signed original\n%%EOF\n"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def editor(client):
    client.force_login(EditorFactory())
    return client


def public_document(filename):
    """A document in the site's root collection, where editors manage files."""
    return PDFDocumentFactory(collection=Collection.get_first_root_node(), file__filename=filename)


def replace_file(client, document, filename, content=SIGNED):
    """Upload a new file for ``document`` through the admin's edit form, as an editor does."""
    response = client.post(
        f"/admin/documents/edit/{document.pk}/",
        {
            "title": document.title,
            "collection": document.collection_id,  # asked for only once there are several collections
            "file": SimpleUploadedFile(filename, content, content_type="application/pdf"),
            "tags": "",
        },
    )
    assert response.status_code == 302 and response["Location"] != "/admin/"
    document.refresh_from_db()
    return document


def test_the_old_address_of_a_replaced_file_redirects_to_the_current_file(client, editor):
    document = public_document("deklaracja-ideowa.pdf")
    old_url = document.url

    replace_file(editor, document, "deklaracja-ideowa-podpisana.pdf")
    client.logout()
    response = client.get(old_url)

    assert document.url != old_url and document.filename == "deklaracja-ideowa-podpisana.pdf"
    assert (response.status_code, response["Location"]) == (302, document.url)
    current = client.get(document.url)
    assert current.status_code == 200 and response_bytes(current) == SIGNED


def test_every_former_name_leads_to_the_latest_file_and_other_names_stay_404(client, editor):
    document = public_document("statut.pdf")
    first_url = document.url
    replace_file(editor, document, "statut-2025.pdf")
    second_url = document.url
    replace_file(editor, document, "statut-2026.pdf")
    other = public_document("regulamin.pdf")

    assert client.get(first_url)["Location"] == document.url
    assert client.get(second_url)["Location"] == document.url
    # Names the document never had, or another document's name, are not redirected.
    assert client.get(f"/documents/{document.pk}/cokolwiek.pdf").status_code == 404
    assert client.get(f"/documents/{document.pk}/{other.filename}").status_code == 404
    assert client.get(f"/documents/{other.pk}/statut.pdf").status_code == 404
    assert set(FormerDocumentFile.objects.filter(document=document).values_list("filename", flat=True)) == {
        "statut.pdf",
        "statut-2025.pdf",
    }


def test_the_old_address_of_a_restricted_file_asks_for_login_and_names_no_new_file(client, editor):
    collection = Collection.get_first_root_node().add_child(name="Dla członków")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type="login")
    document = PDFDocumentFactory(collection=collection, file__filename="protokol.pdf")
    old_url = document.url
    replace_file(editor, document, "protokol-zarzadu-tajny.pdf")
    client.logout()

    response = client.get(old_url)

    assert response.status_code == 302 and "login" in response["Location"]
    assert "tajny" not in response["Location"]


# --- placeholders -------------------------------------------------------------------------------------------------
def test_the_loader_marks_the_declarations_whose_text_the_seed_lacks_as_placeholders():
    marked = PlaceholderFile.objects.select_related("document")

    assert sorted(placeholder.document.title for placeholder in marked) == ["Deklaracja Ideowa", "Deklaracja Powołania"]
    assert {placeholder.file_hash for placeholder in marked} == placeholder_hashes()


def test_the_admin_documents_list_marks_placeholders_until_the_original_is_uploaded(editor):
    listing = editor.get("/admin/documents/").content.decode()

    assert "Plik zastępczy:</strong> Deklaracja Ideowa" in listing
    assert "Plik zastępczy:</strong> Deklaracja Powołania" in listing
    assert "Plik zastępczy:</strong> Deklaracja Przystąpienia" not in listing  # the complete form

    ideological = get_document_model().objects.get(title="Deklaracja Ideowa")
    replace_file(editor, ideological, "deklaracja-ideowa-podpisana.pdf")
    listing = editor.get("/admin/documents/").content.decode()

    assert "Plik zastępczy:</strong> Deklaracja Ideowa" not in listing
    assert "Plik zastępczy:</strong> Deklaracja Powołania" in listing
