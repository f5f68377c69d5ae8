import sys

import pytest

from django.db import InterfaceError, OperationalError
from django.test import RequestFactory

from wagtail import hooks

from api.pages import PagesAPIViewSet
from cms.errors import server_error

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "heading"),
    [("pl", "Nie znaleziono strony"), ("en", "Page not found")],
)
def test_missing_pages_answer_404_in_the_visitors_language(client, language, heading):
    response = client.get(f"/{language}/no-such-page/")

    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert heading in html


def failing_page_view(error):
    def raise_error(page, request, serve_args, serve_kwargs):
        raise error

    return hooks.register_temporarily("before_serve_page", raise_error)


@pytest.mark.parametrize(
    ("language", "heading"),
    [("pl", "Błąd serwera"), ("en", "Server error")],
)
def test_unexpected_errors_answer_a_500_page_in_the_visitors_language(client, language, heading):
    client.raise_request_exception = False

    with failing_page_view(RuntimeError("boom")):
        response = client.get(f"/{language}/")

    assert response.status_code == 500
    assert heading in response.content.decode()
    assert "boom" not in response.content.decode()


@pytest.mark.parametrize("error", [OperationalError("server closed the connection"), InterfaceError("closed")])
def test_a_database_outage_answers_503_with_a_page_not_a_traceback(client, error):
    with failing_page_view(error):
        response = client.get("/en/")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert "Service temporarily unavailable" in html
    assert "server closed" not in html


def test_a_database_outage_in_the_api_answers_json(client, monkeypatch):
    def database_down(self):
        raise OperationalError("could not connect to server")

    monkeypatch.setattr(PagesAPIViewSet, "get_queryset", database_down)

    response = client.get("/api/v2/pages/", HTTP_ACCEPT_LANGUAGE="pl")
    polish = client.get("/api/v2/pages/?locale=pl")

    # In the language of the request's ``locale`` or English (the API's errors), never by Accept-Language.
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response.json() == {"message": "The service is temporarily unavailable. Please try again shortly."}
    assert response["Content-Language"] == "en"
    assert polish.json() == {"message": "Serwis jest chwilowo niedostępny. Spróbuj ponownie za chwilę."}


def test_error_pages_render_without_touching_the_database(django_assert_num_queries):
    request = RequestFactory().get("/pl/anything/")
    for error in (OperationalError("database is down"), RuntimeError("bug")):
        try:
            raise error
        except Exception:
            with django_assert_num_queries(0):
                response = server_error(request)
        assert sys.exc_info() == (None, None, None)
        assert response.status_code == (503 if isinstance(error, OperationalError) else 500)
        assert '<html lang="pl">' in response.content.decode()
