import io

import pytest

from django.core.management import call_command

from news.models import EventPage, NewsPage

pytestmark = pytest.mark.django_db


def generate(django_capture_on_commit_callbacks, news, events, seed=2010):
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command(
            "generate_demo_data", news=news, events=events, partners=0, seed=seed, allow_production=True, stdout=out
        )
    return out.getvalue()


def demo_titles(model, locale):
    return sorted(model.objects.filter(is_demo=True, locale=locale).values_list("title", flat=True))


def test_generate_demo_data_creates_marked_news_and_events_in_both_languages(
    client, django_capture_on_commit_callbacks, locale_pl, locale_en
):
    output = generate(django_capture_on_commit_callbacks, news=3, events=2)

    assert "news: 3 demo news items" in output and "events: 2 demo events" in output
    for model, count in ((NewsPage, 3), (EventPage, 2)):
        for locale in (locale_pl, locale_en):
            pages = model.objects.live().filter(locale=locale, is_demo=True)
            assert pages.count() == count
            assert all(page.title.startswith("[DEMO] ") and page.slug.startswith("demo-") for page in pages)
            assert all("demo" in page.lead.lower() for page in pages)
    english = NewsPage.objects.filter(locale=locale_en, is_demo=True).first()
    assert english.title.startswith("[DEMO] ") and english.lead.startswith("Sample news item")
    assert english.get_translation(locale_pl).date == english.date
    assert client.get(english.url).status_code == 200


def test_the_same_seed_gives_the_same_demo_items_and_replaces_the_earlier_ones(
    django_capture_on_commit_callbacks, locale_pl
):
    generate(django_capture_on_commit_callbacks, news=3, events=1)
    first = demo_titles(NewsPage, locale_pl)

    generate(django_capture_on_commit_callbacks, news=3, events=1)

    assert demo_titles(NewsPage, locale_pl) == first
    assert NewsPage.objects.filter(is_demo=True).count() == 6  # three in each language, not six


def test_zero_removes_demo_items_and_leaves_real_pages(django_capture_on_commit_callbacks):
    generate(django_capture_on_commit_callbacks, news=2, events=2)

    generate(django_capture_on_commit_callbacks, news=0, events=0)

    assert not NewsPage.objects.filter(is_demo=True).exists()
    assert not EventPage.objects.filter(is_demo=True).exists()
