import pytest

from home.models import HomePage, StandardPage
from news.models import NewsIndexPage


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
def news_index_pl(locale_pl):
    return NewsIndexPage.objects.get(locale=locale_pl)


@pytest.fixture
def news_index_en(locale_en):
    return NewsIndexPage.objects.get(locale=locale_en)
