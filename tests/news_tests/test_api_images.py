import pytest
import wagtail_factories

from ..factories.news import NewsPageFactory

pytestmark = pytest.mark.django_db


def test_news_image_comes_as_a_rendition_with_an_absolute_url(client, news_index_en):
    NewsPageFactory(parent=news_index_en, title="With a picture", image=wagtail_factories.ImageFactory())

    data = client.get("/api/v2/pages/", {"type": "news.NewsPage", "locale": "en", "fields": "image_rendition"}).json()

    rendition = data["items"][0]["image_rendition"]
    assert rendition["url"].startswith("http://testserver/media/images/")
    assert 0 < rendition["width"] <= 1200
    assert 0 < rendition["height"] <= 630
