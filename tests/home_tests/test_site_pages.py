"""``home.site_pages``: the page a language has one of, for every app, found in one query per request."""

import pytest

from django.contrib.contenttypes.models import ContentType
from django.test import RequestFactory
from django.utils import translation

from wagtail.models import PageViewRestriction

from apidocs.models import ApiDocsPage
from home.models import HomePage, PrivacyPage, StandardPage
from home.site_pages import site_page, site_page_models
from news.models import EventIndexPage, NewsIndexPage
from newsletter.models import NewsletterPage
from partners.models import PartnerIndexPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def request_():
    return RequestFactory().get("/")


def test_the_types_are_those_a_language_home_page_holds_one_of():
    models = site_page_models()

    assert {NewsIndexPage, EventIndexPage, PartnerIndexPage, NewsletterPage, ApiDocsPage, PrivacyPage} <= set(models)
    assert StandardPage not in models
    assert all(model.max_count_per_parent == 1 for model in models)


def test_each_language_gets_its_own_page_of_its_type(request_):
    polish = site_page(request_, NewsIndexPage, "pl")
    english = site_page(request_, NewsIndexPage, "en")

    assert isinstance(polish, NewsIndexPage) and isinstance(english, NewsIndexPage)
    assert (polish.locale.language_code, english.locale.language_code) == ("pl", "en")
    assert polish.translation_key == english.translation_key
    with translation.override("en"):
        assert site_page(request_, NewsIndexPage) == english  # the active language by default


def test_pages_of_several_types_and_languages_cost_one_query_per_request(request_, django_assert_num_queries):
    ContentType.objects.get_for_models(*site_page_models())  # kept per process after the first request
    # The pages, and the view restrictions, which the request's other lists read from the same query
    # (home.visibility).
    with django_assert_num_queries(2):
        found = [site_page(request_, model, code) for model in site_page_models() for code in ("pl", "en")]

    assert sum(page is not None for page in found) >= 16  # every type the content loader makes, in both languages
    with django_assert_num_queries(2):
        site_page(RequestFactory().get("/"), NewsletterPage, "pl")  # another request asks again


def test_an_unpublished_page_is_not_found(request_):
    newsletter = NewsletterPage.objects.get(locale__language_code="pl")
    newsletter.unpublish()

    assert site_page(request_, NewsletterPage, "pl") is None
    assert site_page(request_, NewsletterPage, "en") is not None


def test_a_page_under_a_view_restriction_is_not_found():
    api_page = ApiDocsPage.objects.get(locale__language_code="pl")
    PageViewRestriction.objects.create(page=api_page, restriction_type=PageViewRestriction.PASSWORD, password="x")

    assert site_page(RequestFactory().get("/"), ApiDocsPage, "pl") is None


def test_a_type_a_language_can_hold_many_of_is_refused(request_):
    with pytest.raises(ValueError, match="StandardPage"):
        site_page(request_, StandardPage, "pl")


def test_the_home_page_is_one_of_them(request_):
    assert site_page(request_, HomePage, "pl") == HomePage.objects.get(locale__language_code="pl")
