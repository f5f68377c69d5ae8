"""cms.caching.routing hands Wagtail a stored Site and route through the request attributes that
``Site.find_for_request`` and ``Page.route_for_request`` document. These tests fail loudly when a Wagtail
upgrade renames those attributes or stops reading them: the adapter must then change or go."""

import inspect

import pytest

from django.test import RequestFactory

from wagtail.models import Page, Site

from cms.caching import routing
from home.models import StandardPage

pytestmark = pytest.mark.django_db


def test_wagtail_still_documents_the_request_attributes_the_adapter_sets():
    assert f"request.{routing.SITE_ATTRIBUTE}" in inspect.getdoc(Site.find_for_request)
    assert f"request.{routing.ROUTE_ATTRIBUTE}" in inspect.getdoc(Page.route_for_request)


def test_wagtail_takes_the_site_from_the_request_without_a_query(django_assert_num_queries):
    request = RequestFactory().get("/pl/")
    site = Site.objects.get(is_default_site=True)
    setattr(request, routing.SITE_ATTRIBUTE, site)

    with django_assert_num_queries(0):
        assert Site.find_for_request(request) is site


def test_wagtail_takes_the_route_from_the_request_without_a_query(django_assert_num_queries):
    page = StandardPage.objects.get(locale__language_code="pl", slug="o-partnerstwie")
    request = RequestFactory().get("/pl/somewhere-else/")
    setattr(request, routing.ROUTE_ATTRIBUTE, (page, [], {}))

    with django_assert_num_queries(0):
        assert Page.route_for_request(request, "/pl/somewhere-else/") == (page, [], {})
        assert Page.find_for_request(request, "/pl/somewhere-else/") is page
