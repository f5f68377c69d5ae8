"""The API page for portal developers, in Polish and English (a page editors can extend in the admin)."""

from home.seeding import PageSpec, Text

from .models import ApiDocsPage

API_DOCS_PAGE = PageSpec(
    "api-docs",
    ApiDocsPage,
    title=Text("API dla portali partnerskich", "API for partner portals"),
    slug=Text("api-dla-portali", "api-for-portals"),
    parent="home",
    show_in_menus=False,
    search_description=Text(
        "Treści Lubelskiego Partnerstwa dla innych portali: adres API, przykłady, dokument OpenAPI i widżet.",
        "The Lublin Partnership's content for other portals: the API's address, examples, the OpenAPI document "
        "and the widget.",
    ),
    intro=Text(
        "Treści tej strony – strony, partnerów, dane kontaktowe – są dostępne dla innych portali ekonomii "
        "społecznej w formacie JSON, po polsku i po angielsku. Portal może pobierać je samodzielnie albo wkleić "
        "gotowy widżet.",
        "The content of this site – pages, partners, contact details – is available to other social economy "
        "portals as JSON, in Polish and in English. A portal can fetch it itself or paste in the ready-made widget.",
    ),
)


def load(loader):
    loader.ensure_pages([API_DOCS_PAGE])
