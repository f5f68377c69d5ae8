"""Factories for the news app's page types. Pages are published (with a revision), as an editor would."""

from datetime import timedelta

import factory
import wagtail_factories

from django.utils import timezone

from news.models import EventPage, NewsPage


class PublishedPageFactory(wagtail_factories.PageFactory):
    locale = factory.LazyAttribute(lambda page: page.parent.locale if page.parent else None)

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @factory.post_generation
    def publish(page, create, extracted, **kwargs):  # noqa: N805 - factory_boy passes the instance first
        if create and extracted is not False:
            page.save_revision().publish()
            page.refresh_from_db()


class NewsPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Aktualność {n}")
    slug = factory.Sequence(lambda n: f"aktualnosc-{n}")
    date = factory.LazyFunction(timezone.localdate)
    lead = "Spotkanie partnerów Lubelskiego Partnerstwa."

    class Meta:
        model = NewsPage


class EventPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Wydarzenie {n}")
    slug = factory.Sequence(lambda n: f"wydarzenie-{n}")
    start = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    end = factory.LazyAttribute(lambda event: event.start + timedelta(hours=2))
    place = "Biuro FLOP"
    address = "ul. 3 Maja 10/6, 20-078 Lublin"

    class Meta:
        model = EventPage
