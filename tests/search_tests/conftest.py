import pytest

from documents.models import DocumentIndexPage
from home.models import HomePage, StandardPage
from home.seeding import translation_key_for


@pytest.fixture
def home_pl(locale_pl):
    return HomePage.objects.get(locale=locale_pl)


@pytest.fixture
def join_page_pl(locale_pl):
    return StandardPage.objects.get(locale=locale_pl, slug="jak-przystapic")


@pytest.fixture
def about_page_pl(locale_pl):
    return StandardPage.objects.get(locale=locale_pl, slug="o-partnerstwie")


@pytest.fixture
def documents_page_pl(locale_pl):
    return DocumentIndexPage.objects.get(locale=locale_pl, translation_key=translation_key_for("documents"))


@pytest.fixture
def documents_page_en(locale_en):
    return DocumentIndexPage.objects.get(locale=locale_en, translation_key=translation_key_for("documents"))
