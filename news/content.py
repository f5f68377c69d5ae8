"""The news and events index pages of both languages. No news items or events: those come from the editors."""

from home.seeding import PageSpec, Text

from .models import EventIndexPage, NewsIndexPage

NEWS_INDEX = PageSpec(
    key="news-index",
    parent="home",
    model=NewsIndexPage,
    title=Text("Aktualności", "News"),
    slug=Text("aktualnosci", "news"),
    # The feeds' description and the page's meta description.
    intro=Text(
        "Aktualności Lubelskiego Partnerstwa na Rzecz Rozwoju Ekonomii Społecznej.",
        "News of the Lublin Partnership for the Development of the Social Economy.",
    ),
    show_in_menus=True,
)

EVENT_INDEX = PageSpec(
    key="event-index",
    parent="home",
    model=EventIndexPage,
    title=Text("Wydarzenia", "Events"),
    slug=Text("wydarzenia", "events"),
    intro=Text(
        "Wydarzenia Lubelskiego Partnerstwa na Rzecz Rozwoju Ekonomii Społecznej.",
        "Events of the Lublin Partnership for the Development of the Social Economy.",
    ),
    show_in_menus=True,
)


def load(loader):
    loader.ensure_pages([NEWS_INDEX, EVENT_INDEX])
