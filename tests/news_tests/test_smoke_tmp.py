import pytest

from news.factories import EventPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


def test_tmp(client, news_index_pl, event_index_pl):
    n = NewsPageFactory(parent=news_index_pl, title="Spółdzielnie socjalne w Lublinie", lead="O ekonomii społecznej.")
    e = EventPageFactory(parent=event_index_pl, title="Spotkanie")
    for url in ["/pl/", "/en/", news_index_pl.url, n.url, event_index_pl.url, e.url, news_index_pl.url + "rss/", news_index_pl.url + "atom/", event_index_pl.url + "calendar.ics", e.url + "calendar.ics", event_index_pl.url + "archive/", "/sitemap.xml", "/robots.txt", "/pl/szukaj/?q=spoldzielnia", "/en/search/?q=x", "/api/v2/pages/?search=ekonomia"]:
        r = client.get(url)
        print(url, r.status_code)
        print(r.content.decode()[:3000])
