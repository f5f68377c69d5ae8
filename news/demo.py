"""Demo news items and events for ``manage.py generate_demo_data --news N --events N``, in Polish and English.

Nothing here is real: every title starts with ``DEMO_PREFIX``, every text says it is demonstration content,
every page has ``is_demo`` set and a slug starting "demo-". English versions are wagtail-localize translations,
as the content loader makes them (published when the command's transaction commits). Both default to 0, so that
running the command for another app's demo data does not create pages unasked.
"""

from datetime import datetime, time, timedelta

from django.utils import timezone

from home.demo import DEMO_PREFIX, TranslatedPagesDemo

from .calendar import CALENDAR_TIME_ZONE
from .models import EventIndexPage, EventPage, NewsIndexPage, NewsPage

TOPICS = [
    ("Spotkanie partnerów", "Partners' meeting"),
    ("Warsztaty dla spółdzielni socjalnych", "Workshop for social cooperatives"),
    ("Szkolenie z zamówień społecznych", "Training on social procurement"),
    ("Dzień otwarty przedsiębiorstw społecznych", "Social enterprises' open day"),
    ("Konsultacje programu współpracy", "Consultation on the cooperation programme"),
    ("Forum ekonomii społecznej", "Social economy forum"),
]
NEWS_LEAD = (
    "Przykładowa aktualność nr {n}, wygenerowana do celów demonstracyjnych; nie opisuje prawdziwego wydarzenia.",
    "Sample news item no. {n}, generated for demonstration purposes; it does not describe a real event.",
)
EVENT_LEAD = (
    "Przykładowe wydarzenie nr {n}, wygenerowane do celów demonstracyjnych; nie odbędzie się naprawdę.",
    "Sample event no. {n}, generated for demonstration purposes; it will not really take place.",
)
EVENT_PLACE = ("Miejsce demonstracyjne", "Demo venue")


class NewsDemo(TranslatedPagesDemo):
    name = "news"
    help = "demo news items, each in Polish and English"
    model = NewsPage
    index_model = NewsIndexPage

    def make(self, n, rng):
        polish, english = rng.choice(TOPICS)
        page = NewsPage(
            title=f"{DEMO_PREFIX} {polish} {n}",
            slug=f"demo-aktualnosc-{n}",
            date=timezone.localdate() - timedelta(days=rng.randint(0, 365)),
            lead=NEWS_LEAD[0].format(n=n),
        )
        return page, {
            page.title: f"{DEMO_PREFIX} {english} {n}",
            page.slug: f"demo-news-{n}",
            page.lead: NEWS_LEAD[1].format(n=n),
        }

    def created(self, page):
        page.tags.add("demo")


class EventsDemo(TranslatedPagesDemo):
    name = "events"
    help = "demo events (past and upcoming), each in Polish and English"
    model = EventPage
    index_model = EventIndexPage

    def make(self, n, rng):
        polish, english = rng.choice(TOPICS)
        day = timezone.localdate() + timedelta(days=rng.randint(-90, 180))
        start = datetime.combine(day, time(rng.choice([10, 12, 16])), tzinfo=CALENDAR_TIME_ZONE)
        page = EventPage(
            title=f"{DEMO_PREFIX} {polish} {n}",
            slug=f"demo-wydarzenie-{n}",
            start=start,
            end=start + timedelta(hours=rng.choice([2, 3, 6])),
            place=EVENT_PLACE[0],
            lead=EVENT_LEAD[0].format(n=n),
        )
        return page, {
            page.title: f"{DEMO_PREFIX} {english} {n}",
            page.slug: f"demo-event-{n}",
            page.place: EVENT_PLACE[1],
            page.lead: EVENT_LEAD[1].format(n=n),
        }
