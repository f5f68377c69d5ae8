"""The news and events index pages of both languages. No news items or events: those come from the editors."""

from home.seeding import PageSpec, Text

from .models import EventIndexPage, NewsIndexPage

NEWS_INDEX = PageSpec(
    key="news-index",
    parent="home",
    model=NewsIndexPage,
    title=Text("Aktualności", "News"),
    slug=Text("aktualnosci", "news"),
    show_in_menus=True,
)

EVENT_INDEX = PageSpec(
    key="event-index",
    parent="home",
    model=EventIndexPage,
    title=Text("Wydarzenia", "Events"),
    slug=Text("wydarzenia", "events"),
    show_in_menus=True,
)


def load(loader):
    loader.ensure_pages([NEWS_INDEX, EVENT_INDEX])
