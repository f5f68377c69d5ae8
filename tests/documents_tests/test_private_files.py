"""Finding 3 of issue #18: a document in a restricted collection is served only through /documents/, after
Wagtail's checks, and its file name reaches nobody who may not download it."""

import importlib

import pytest

from django.test import Client
from django.urls import clear_url_caches

from wagtail.models import Collection, CollectionViewRestriction
from wagtail.rich_text import expand_db_html
from wagtail.utils import sendfile

import cms.urls
from home.blocks import CallToActionBlock
from tests.factories.documents import PDFDocumentFactory

pytestmark = pytest.mark.django_db

SECRET_NAME = "odwolanie-prezesa-zarzadu.pdf"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def restricted_document():
    collection = Collection.get_first_root_node().add_child(name="Dla członków")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type="login")
    document = PDFDocumentFactory(collection=collection, file__filename=SECRET_NAME)
    return document


@pytest.fixture
def public_document():
    return PDFDocumentFactory(file__filename="statut.pdf")


@pytest.fixture
def debug_urls(settings):
    """cms.urls as DEBUG builds it (development serves uploads from MEDIA_ROOT)."""
    settings.DEBUG = True
    importlib.reload(cms.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(cms.urls)
    clear_url_caches()


def media_path(document):
    return f"/media/{document.file.name}"


def test_a_restricted_file_is_not_served_from_media_with_production_routes(client, restricted_document, media_root):
    assert (media_root / restricted_document.file.name).exists()

    assert client.get(media_path(restricted_document)).status_code == 404


def test_a_restricted_file_is_not_served_from_media_by_whitenoise(settings, restricted_document, tmp_path_factory):
    # What production adds for serving files: whitenoise in front of the app (cms/settings/production.py).
    settings.STATIC_ROOT = tmp_path_factory.mktemp("static")
    middleware = list(settings.MIDDLEWARE)
    middleware.insert(
        middleware.index("django.middleware.security.SecurityMiddleware") + 1,
        "whitenoise.middleware.WhiteNoiseMiddleware",
    )
    settings.MIDDLEWARE = middleware

    response = Client().get(media_path(restricted_document))

    assert response.status_code == 404


def test_development_serves_images_from_media_but_never_documents(
    client, debug_urls, restricted_document, public_document, media_root
):
    (media_root / "images").mkdir()
    (media_root / "images" / "logo.png").write_bytes(b"\x89PNG\r\n")

    assert client.get("/media/images/logo.png").status_code == 200
    assert client.get(media_path(restricted_document)).status_code == 404
    assert client.get(media_path(public_document)).status_code == 404


def test_the_document_view_still_refuses_a_restricted_file_to_a_stranger(client, restricted_document):
    response = client.get(restricted_document.url)

    assert response.status_code == 302
    assert "login" in response["Location"]


def test_a_restricted_documents_link_names_no_file_and_leads_to_the_login(client, restricted_document):
    html = expand_db_html(f'<a linktype="document" id="{restricted_document.pk}">Uchwała</a>')

    assert SECRET_NAME not in html
    assert f'href="/documents/{restricted_document.pk}/"' in html
    response = client.get(f"/documents/{restricted_document.pk}/")
    assert response.status_code == 302
    assert SECRET_NAME not in response["Location"]
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_a_password_protected_documents_form_names_no_file(client):
    collection = Collection.get_first_root_node().add_child(name="Zarząd")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type="password", password="tajne")
    document = PDFDocumentFactory(collection=collection, file__filename=SECRET_NAME)

    response = client.get(f"/documents/{document.pk}/")

    assert response.status_code == 200
    assert SECRET_NAME not in response.content.decode()
    assert 'name="password"' in response.content.decode()


def test_the_link_without_a_name_redirects_an_allowed_user_to_the_file(client, django_user_model, restricted_document):
    client.force_login(django_user_model.objects.create_user("czlonek", "czlonek@example.org", "haslo-testowe"))

    response = client.get(f"/documents/{restricted_document.pk}/")

    assert response.status_code == 302
    assert response["Location"] == restricted_document.url
    assert client.get(response["Location"]).status_code == 200


def test_a_public_documents_link_keeps_its_file_name(public_document):
    html = expand_db_html(f'<a linktype="document" id="{public_document.pk}">Statut</a>')

    assert f'href="{public_document.url}"' in html


def test_the_link_without_a_name_is_404_for_a_missing_document(client):
    assert client.get("/documents/999999/").status_code == 404


def test_a_call_to_action_to_a_restricted_document_names_no_file(restricted_document):
    block = CallToActionBlock()
    value = block.to_python({"text": "Pobierz", "page": None, "document": restricted_document.pk})

    assert SECRET_NAME not in block.render(value)
    assert SECRET_NAME not in str(block.get_api_representation(value))


def test_restricted_documents_are_not_in_the_documents_api(client, restricted_document, public_document):
    response = client.get("/api/v2/documents/")

    ids = [item["id"] for item in response.json()["items"]]
    assert restricted_document.pk not in ids
    assert SECRET_NAME not in response.content.decode()


def test_documents_are_linked_to_the_view_that_checks_restrictions_never_to_the_storage(public_document):
    assert public_document.url == f"/documents/{public_document.pk}/statut.pdf"


def test_behind_nginx_the_checked_file_is_handed_over_by_x_accel_redirect(client, settings, public_document):
    settings.SENDFILE_BACKEND = "django_sendfile.backends.nginx"
    settings.SENDFILE_ROOT = str(settings.MEDIA_ROOT)
    settings.SENDFILE_URL = "/protected-media"
    sendfile._get_sendfile.clear()
    try:
        response = client.get(public_document.url)
    finally:
        sendfile._get_sendfile.clear()

    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == "/protected-media/documents/statut.pdf"
    assert response.content == b""


def test_linking_many_documents_costs_the_same_few_queries(restricted_document, django_assert_num_queries):
    others = [PDFDocumentFactory() for _ in range(5)]
    html = "".join(
        f'<a linktype="document" id="{document.pk}">{document.title}</a>' for document in [restricted_document, *others]
    )

    # The documents, the view restrictions, and the collections under the one restricted collection.
    with django_assert_num_queries(3):
        expanded = expand_db_html(html)

    assert SECRET_NAME not in expanded
    assert all(document.url in expanded for document in others)
