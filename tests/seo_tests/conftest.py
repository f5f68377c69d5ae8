import pytest

from news.models import NewsIndexPage


@pytest.fixture
def news_index_pl(locale_pl):
    return NewsIndexPage.objects.get(locale=locale_pl)
