import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("pl-PL,pl;q=0.9,en;q=0.8", "/pl/"),
        ("en-GB,en;q=0.9", "/en/"),
        ("de-DE,de;q=0.9", "/pl/"),
        (None, "/pl/"),
    ],
)
def test_root_redirects_by_accept_language_and_polish_when_in_doubt(client, accept_language, expected):
    headers = {"HTTP_ACCEPT_LANGUAGE": accept_language} if accept_language else {}

    response = client.get("/", **headers)

    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize(
    "path",
    [
        "/api/v2/pages/999999/",
        "/api/v2/no-such-endpoint/",
        "/documents/999999/missing.pdf",
        "/media/original_images/missing.jpg",
        "/static/missing.css",
        "/sitemap-missing.xml",
    ],
)
def test_missing_paths_outside_the_language_prefix_stay_404(client, path):
    response = client.get(path)

    assert response.status_code == 404


def test_unprefixed_page_path_still_redirects_to_its_language(client):
    response = client.get("/o-partnerstwie/")

    assert response.status_code == 302
    assert response["Location"] == "/pl/o-partnerstwie/"


@pytest.mark.parametrize(("path", "title"), [("/pl/o-partnerstwie/", "O Partnerstwie"), ("/en/about/", "About")])
def test_pages_are_served_under_their_language_prefix(client, path, title):
    response = client.get(path)

    assert response.status_code == 200
    assert title in response.content.decode()


def test_unknown_page_in_a_language_is_404(client):
    assert client.get("/en/no-such-page/").status_code == 404
