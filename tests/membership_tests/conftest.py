import pytest

from django.core.cache import cache

from wagtail.models import Locale

from home.seeding import translation_key_for
from membership.models import AccessionPage


@pytest.fixture(autouse=True)
def empty_cache():
    """The accession form's rate limit counts in the cache: each test starts from zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def accession_page(db):
    return lambda code: AccessionPage.objects.get(
        translation_key=translation_key_for("accession"), locale=Locale.objects.get(language_code=code)
    )
