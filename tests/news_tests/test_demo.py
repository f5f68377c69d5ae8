import io

import pytest

from wagtail.models import Locale

from news.demo import generate_news
from news.models import EventPage, NewsPage

pytestmark = pytest.mark.django_db


def generate(django_capture_on_commit_callbacks, count=3, events=2):
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        created = generate_news(count, events, stdout=out)
    return created, out.getvalue()


def test_demo_news_and_events_are_created_in_both_languages_and_marked_as_demo(
    client, django_capture_on_commit_callbacks, locale_pl, locale_en
):
    created, output = generate(django_capture_on_commit_callbacks)

    assert created == (3, 2)
    assert "3 news items and 2 events created" in output
    for model, count in ((NewsPage, 3), (EventPage, 2)):
        for locale in (locale_pl, locale_en):
            pages = model.objects.live().filter(locale=locale)
            assert pages.count() == count
            assert all(page.title.startswith("[Demo] ") and page.slug.startswith("demo-") for page in pages)
            assert all("demo" in page.lead.lower() for page in pages)
    assert all(page.tag_names == ["demo"] for page in NewsPage.objects.filter(locale=locale_pl))
    english = NewsPage.objects.filter(locale=locale_en).first()
    assert english.get_translation(locale_pl).date == english.date
    assert client.get(english.url).status_code == 200


def test_demo_generation_is_repeatable_and_idempotent(django_capture_on_commit_callbacks):
    generate(django_capture_on_commit_callbacks)
    titles = sorted(NewsPage.objects.values_list("title", "date"))

    created, _output = generate(django_capture_on_commit_callbacks)

    assert created == (0, 0)
    assert sorted(NewsPage.objects.values_list("title", "date")) == titles
    assert NewsPage.objects.filter(locale=Locale.get_default()).count() == 3
