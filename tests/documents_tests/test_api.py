import pytest

from documents.content import DECLARATIONS

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["pl", "en"])
def test_each_languages_documents_are_in_the_api_with_download_url_and_language(client, documents_page, language):
    page = documents_page(language)

    response = client.get(f"/api/v2/pages/{page.pk}/")

    assert response.status_code == 200
    documents = response.json()["documents"]
    assert [d["title"] for d in documents] == [getattr(declaration, language) for declaration in DECLARATIONS]
    for item in documents:
        assert item["language"] == "pl"
        assert item["file_type"] == "PDF"
        assert item["file_size"] > 1000
        assert item["download_url"].startswith("http://testserver/documents/")
        assert client.get(item["download_url"].removeprefix("http://testserver")).status_code == 200


def test_the_documents_page_is_found_by_type_and_locale(client):
    response = client.get("/api/v2/pages/?type=documents.DocumentIndexPage&locale=en&fields=documents")

    assert response.status_code == 200
    items = response.json()["items"]
    assert len(items) == 1
    assert items[0]["meta"]["locale"] == "en"
    assert len(items[0]["documents"]) == 3


def test_the_documents_endpoint_lists_the_declarations_with_download_urls(client):
    items = client.get("/api/v2/documents/?limit=100").json()["items"]

    titles = {item["title"] for item in items}
    assert {declaration.pl for declaration in DECLARATIONS} <= titles
    assert all(item["meta"]["download_url"].startswith("http://testserver/documents/") for item in items)
