import pytest
import wagtail_factories

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.rich_text import RichText

from api.fields import absolute_links
from home.models import HomePage

from ..factories.home import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def image():
    return wagtail_factories.ImageFactory(title="Spotkanie", file__width=1600, file__height=800)


@pytest.fixture
def english_page_with_links(locale_pl, locale_en, image):
    polish_about = HomePage.objects.get(locale=locale_pl).get_children().get(slug="o-partnerstwie")
    page = StandardPageFactory(parent=HomePage.objects.get(locale=locale_en), title="Links", slug="links")
    page.body = [
        ("paragraph", RichText(f'<p><a linktype="page" id="{polish_about.pk}">About</a> <a href="/pl/">Home</a></p>')),
        ("image", {"image": image, "alt_text": "A meeting", "caption": ""}),
    ]
    page.save_revision().publish()
    return page


def test_rich_text_links_are_absolute_and_in_the_pages_own_language(client, english_page_with_links):
    data = client.get(f"/api/v2/pages/{english_page_with_links.pk}/", HTTP_ACCEPT_LANGUAGE="pl").json()

    paragraph = data["body"][0]["value"]
    assert 'href="http://testserver/en/about/"' in paragraph
    assert 'href="http://testserver/pl/"' in paragraph


def test_markdown_rich_text_links_are_absolute_too(client, english_page_with_links):
    data = client.get(f"/api/v2/pages/{english_page_with_links.pk}/?rich_text_format=markdown").json()

    # Markdown links point to the page the editor chose (Wagtail's converter); html follows the page's language.
    assert "[About](http://testserver/pl/o-partnerstwie/)" in data["body"][0]["value"]
    assert "[Home](http://testserver/pl/)" in data["body"][0]["value"]


def test_database_html_is_left_as_stored(client, english_page_with_links):
    data = client.get(f"/api/v2/pages/{english_page_with_links.pk}/?rich_text_format=db_html").json()

    assert 'linktype="page"' in data["body"][0]["value"]


def test_absolute_links_leave_external_and_protocol_relative_links_alone(rf):
    html = '<a href="https://example.org/x">a</a> <a href="//cdn.example.org/y">b</a> <a href="/pl/">c</a>'

    result = absolute_links(html, rf.get("/"), "html")

    assert result == (
        '<a href="https://example.org/x">a</a> <a href="//cdn.example.org/y">b</a> <a href="http://testserver/pl/">c</a>'
    )


def test_image_block_comes_as_an_absolute_rendition_with_its_size(client, english_page_with_links):
    data = client.get(f"/api/v2/pages/{english_page_with_links.pk}/").json()

    rendition = data["body"][1]["value"]["rendition"]
    assert rendition["url"].startswith("http://testserver/media/images/")
    assert (rendition["width"], rendition["height"]) == (1200, 600)


def test_images_endpoint_gives_renditions_with_absolute_urls_and_sizes(client, image, openapi):
    response = client.get("/api/v2/images/")

    [item] = response.json()["items"]
    assert item["rendition"]["url"].startswith("http://testserver/media/images/")
    assert (item["rendition"]["width"], item["rendition"]["height"]) == (1200, 600)
    openapi.validate("/api/v2/images/", response)
    openapi.validate("/api/v2/images/{id}/", client.get(f"/api/v2/images/{image.pk}/"))


def test_image_listing_queries_do_not_grow_with_images(client, django_assert_max_num_queries):
    for n in range(3):
        wagtail_factories.ImageFactory(title=f"Obraz {n}")
    client.get("/api/v2/images/")  # renditions made once
    with CaptureQueriesContext(connection) as few:
        client.get("/api/v2/images/?order=id")
    few_queries = len(few.captured_queries)  # the next request clears Django's query log
    for n in range(3, 12):
        wagtail_factories.ImageFactory(title=f"Obraz {n}")
    client.get("/api/v2/images/")
    with django_assert_max_num_queries(few_queries):
        assert len(client.get("/api/v2/images/?order=id").json()["items"]) == 12


def test_documents_endpoint_gives_absolute_download_urls(client, openapi):
    document = wagtail_factories.DocumentFactory(title="Deklaracja")

    response = client.get("/api/v2/documents/?limit=100")

    item = next(item for item in response.json()["items"] if item["id"] == document.pk)
    assert item["meta"]["download_url"].startswith("http://testserver/documents/")
    openapi.validate("/api/v2/documents/", response)
    openapi.validate("/api/v2/documents/{id}/", client.get(f"/api/v2/documents/{document.pk}/"))


def test_document_listing_queries_do_not_grow_with_documents(client, django_assert_max_num_queries):
    for n in range(2):
        wagtail_factories.DocumentFactory(title=f"Dokument {n}").tags.add("deklaracja")
    with CaptureQueriesContext(connection) as few:
        client.get("/api/v2/documents/?limit=100")
    few_queries = len(few.captured_queries)
    for n in range(2, 10):
        wagtail_factories.DocumentFactory(title=f"Dokument {n}").tags.add("deklaracja")
    with django_assert_max_num_queries(few_queries):
        items = client.get("/api/v2/documents/?limit=100").json()["items"]
    tagged = [item["meta"]["tags"] for item in items if item["title"].startswith("Dokument ")]
    assert tagged == [["deklaracja"]] * 10
