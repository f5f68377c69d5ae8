"""Shared fixtures: the partnership's content is loaded once into the test database and every test runs
in a transaction that is rolled back, so tests see the real site and leave it as they found it."""

import pytest

from django.core.cache import cache
from django.core.management import call_command

from wagtail.models import Locale


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_content", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture
def locale_pl(db):
    return Locale.objects.get(language_code="pl")


@pytest.fixture
def locale_en(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture(autouse=True)
def empty_cache_first():
    """Each test starts from an empty cache: what is cached there (the API's scope of public pages, fragments,
    content versions) was derived from rows that the previous test's rollback took away."""
    cache.clear()
