import pytest

from news.models import EventIndexPage, NewsIndexPage


@pytest.fixture
def news_index_pl(locale_pl):
    return NewsIndexPage.objects.get(locale=locale_pl)


@pytest.fixture
def news_index_en(locale_en):
    return NewsIndexPage.objects.get(locale=locale_en)


@pytest.fixture
def event_index_pl(locale_pl):
    return EventIndexPage.objects.get(locale=locale_pl)


@pytest.fixture
def event_index_en(locale_en):
    return EventIndexPage.objects.get(locale=locale_en)
