"""Demo news items and events in Polish with English translations, for trying the site out.

Nothing here is real: every title starts with "[Demo]", every text says it is demonstration content, every
item carries the tag "demo" and a slug starting "demo-". A fixed random seed makes each run create the same
items; items that already exist (by slug) are left alone, so running it twice creates nothing new.
"""

import random
from datetime import datetime, time, timedelta

from django.utils import timezone

from wagtail.models import Locale

from home.seeding import ContentLoader

from .models import CALENDAR_TIME_ZONE, EventIndexPage, EventPage, NewsIndexPage, NewsPage

SEED = 2010
DEMO_TAG = "demo"

TOPICS = [
    ("Spotkanie partnerów", "Partners' meeting"),
    ("Warsztaty dla spółdzielni socjalnych", "Workshop for social cooperatives"),
    ("Szkolenie z zamówień społecznych", "Training on social procurement"),
    ("Dzień otwarty przedsiębiorstw społecznych", "Social enterprises' open day"),
    ("Konsultacje programu współpracy", "Consultation on the cooperation programme"),
    ("Forum ekonomii społecznej", "Social economy forum"),
]
NEWS_LEAD = (
    "Przykładowa aktualność wygenerowana do celów demonstracyjnych; nie opisuje prawdziwego wydarzenia.",
    "A sample news item generated for demonstration purposes; it does not describe a real event.",
)
EVENT_LEAD = (
    "Przykładowe wydarzenie wygenerowane do celów demonstracyjnych; nie odbędzie się naprawdę.",
    "A sample event generated for demonstration purposes; it will not really take place.",
)
EVENT_PLACE = ("Miejsce demonstracyjne", "Demo venue")


def _indexes(model):
    source = model.objects.filter(locale=Locale.get_default()).first()
    if source is None:
        raise LookupError(f"No {model._meta.verbose_name} yet: run `manage.py load_content` first.")
    return source


def _create(loader, index, page, english_title, english_lead, english_slug):
    index.add_child(instance=page)
    if isinstance(page, NewsPage):
        page.tags.add(DEMO_TAG)
    page.save_revision().publish()
    loader.strings.update({page.title: english_title, page.lead: english_lead, page.slug: english_slug})
    if isinstance(page, EventPage):
        loader.strings[page.place] = EVENT_PLACE[1]
    loader.ensure_translations(page)


def generate_news(count, events, stdout=None):
    """Create up to ``count`` demo news items and ``events`` demo events, each in Polish and English.

    Returns ``(created_news, created_events)``. Writes one line per item to ``stdout`` when given.
    """
    rng = random.Random(SEED)  # noqa: S311 - repeatable demo content, not security
    loader = ContentLoader()
    news_index = _indexes(NewsIndexPage)
    event_index = _indexes(EventIndexPage)
    today = timezone.localdate()
    created_news = created_events = 0

    for number in range(1, count + 1):
        polish, english = rng.choice(TOPICS)
        day = today - timedelta(days=rng.randint(0, 365))
        slug = f"demo-aktualnosc-{number}"
        if NewsPage.objects.filter(slug=slug).child_of(news_index).exists():
            continue
        page = NewsPage(title=f"[Demo] {polish}", slug=slug, date=day, lead=NEWS_LEAD[0])
        _create(loader, news_index, page, f"[Demo] {english}", NEWS_LEAD[1], f"demo-news-{number}")
        created_news += 1
        if stdout:
            stdout.write(f"  news {number}/{count}: {page.title} ({day})")

    for number in range(1, events + 1):
        polish, english = rng.choice(TOPICS)
        day = today + timedelta(days=rng.randint(-90, 180))
        start = datetime.combine(day, time(rng.choice([10, 12, 16])), tzinfo=CALENDAR_TIME_ZONE)
        slug = f"demo-wydarzenie-{number}"
        if EventPage.objects.filter(slug=slug).child_of(event_index).exists():
            continue
        page = EventPage(
            title=f"[Demo] {polish}",
            slug=slug,
            start=start,
            end=start + timedelta(hours=rng.choice([2, 3, 6])),
            place=EVENT_PLACE[0],
            lead=EVENT_LEAD[0],
        )
        _create(loader, event_index, page, f"[Demo] {english}", EVENT_LEAD[1], f"demo-event-{number}")
        created_events += 1
        if stdout:
            stdout.write(f"  event {number}/{events}: {page.title} ({timezone.localtime(start):%Y-%m-%d %H:%M})")

    if stdout:
        stdout.write(
            f"Demo news: {created_news} news items and {created_events} events created, in Polish and English."
        )
    return created_news, created_events
