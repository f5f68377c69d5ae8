"""Each page type and API listing runs the same, asserted, number of queries for 20 and for 30 items.

The content grows once (20 menu pages, partners, news items, events, documents and search hits, then 30 of
each) inside a transaction rolled back at the end, and the figures of every page type are checked together.
The page cache and the layout's fragments are on, as in production, and every page URL carries a query string,
which the full-page cache never answers (like the benchmark's "uncached" rows): these are the costs of rendering
a page for a visitor, with the fragments that every server keeps warm.
"""

from datetime import timedelta

import pytest

from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from wagtail.documents import get_document_model

from documents.models import DocumentEntry, DocumentIndexPage
from home.models import ContactPage, HomePage, StandardPage
from news.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage
from partners.models import PartnerIndexPage
from search.indexing import index_public

from ..factories.partners import PartnerFactory
from .budget import NO_SEARCH_INDEXING, add_pages, count_queries

pytestmark = pytest.mark.django_db

# Twenty fill every listing (a page of partners, the API's limit); thirty go past every page size (twenty partners,
# ten news items or search results), which is what constant queries must survive: a cost that grows with the content
# shows at thirty as it would at three hundred.
FEW, MANY = 20, 30
#: Every added page and news item has these words in its title, so that search finds them all.
SEARCH_WORDS = "Strona testowa"


def add_partners(count, start=0):
    with NO_SEARCH_INDEXING:
        return [
            PartnerFactory(name=f"Stowarzyszenie Budżetowe {n:04d}", slug=f"stowarzyszenie-budzetowe-{n:04d}")
            for n in range(start, start + count)
        ]


def add_listed_content(count, start=0):
    """``count`` more menu pages, news items (in the search too), upcoming events and documents, in Polish."""
    home = HomePage.objects.get(locale__language_code="pl")
    add_pages(home, StandardPage, count, numbered_from=start, show_in_menus=True)
    today = timezone.localdate()
    news = add_pages(
        NewsIndexPage.objects.get(locale__language_code="pl"),
        NewsPage,
        count,
        numbered_from=start,
        date=today,
        lead="Lead",
    )
    for item in news:
        index_public(item)
    soon = timezone.now() + timedelta(days=7)
    add_pages(
        EventIndexPage.objects.get(locale__language_code="pl"),
        EventPage,
        count,
        numbered_from=start,
        start=soon,
        end=soon + timedelta(hours=2),
    )
    documents_page = DocumentIndexPage.objects.get(locale__language_code="pl")
    document = get_document_model().objects.first()
    for n in range(start, start + count):
        DocumentEntry.objects.create(
            page=documents_page, title=f"Dokument {n}", document=document, locale=documents_page.locale, sort_order=n
        )


def page_urls(partner):
    """What each test measures, by name: URLs are looked up in the content loaded for the session."""

    def first(model):
        return model.objects.filter(locale__language_code="pl").live().order_by("path").first()

    standard = first(StandardPage)
    partner_index = first(PartnerIndexPage)
    return {
        "home_pl": "/pl/",
        "home_en": "/en/",
        "standard": standard.url,
        "contact": first(ContactPage).url,
        "partner_index": partner_index.url,
        "partner_detail": f"{partner_index.url}{partner.slug}/",
        "news_index": first(NewsIndexPage).url,
        "news_page": first(NewsPage).url,
        "event_index": first(EventIndexPage).url,
        "event_page": first(EventPage).url,
        "documents": first(DocumentIndexPage).url,
        "search": f"/pl/szukaj/?q={SEARCH_WORDS.replace(' ', '+')}",
        "api_partners": "/api/v2/partners/?locale=pl&limit=20",
        # Newest first: both times the 20 listed are pages made here, alike (the seeded ones link to others).
        "api_listing": "/api/v2/pages/?type=home.StandardPage&fields=*&order=-id&limit=20",
        "api_listing_all_types": "/api/v2/pages/?order=-id&limit=20",
        "api_detail": f"/api/v2/pages/{standard.pk}/",
        "api_contact": "/api/v2/contact/",
    }


def uncached(url):
    """``url`` with a query string: rendered for the request, never answered by the full-page cache."""
    if url.startswith("/api/"):
        return url
    return url + ("&" if "?" in url else "?") + "budget=1"


def query_counts():
    """{name: (queries with FEW of everything listed, queries with MANY)}."""
    with override_settings(PAGE_CACHE_SECONDS=600), transaction.atomic():
        partners = add_partners(FEW)
        add_listed_content(FEW)
        urls = page_urls(partners[0])
        few = {name: count_queries(uncached(url)) for name, url in urls.items()}
        add_partners(MANY - FEW, start=FEW)
        add_listed_content(MANY - FEW, start=FEW)
        many = {name: count_queries(uncached(url)) for name, url in urls.items()}
        transaction.set_rollback(True)
    return {name: (few[name], many[name]) for name in urls}


#: Wagtail's view-restriction check is kept with the page's route (none applies to these pages): a page repeated
#: runs only what is rendered for each request.
PAGE_BUDGETS = {
    "home_pl": 0,
    "home_en": 0,
    "standard": 0,
    "contact": 1,  # the contact form's fields (the form carries a CSRF token: never a cached fragment)
    # The sector counts, the partner with its translations, and the listings' counts are kept per content version.
    "partner_index": 0,
    "partner_detail": 0,
    "news_index": 0,
    "news_page": 1,  # the item's tags
    "event_index": 0,
    "event_page": 0,
    "documents": 0,
    # A repeated search's page of results is kept per index generation (search/views.py).
    "search": 0,
}
#: A content endpoint's answer is kept per content version (cms/caching/api.py): repeating it runs no query.
API_BUDGETS = {
    "api_listing": 0,
    "api_listing_all_types": 0,
    "api_detail": 0,
    "api_contact": 0,
    "api_partners": 0,
}


# One test, so that the content grows once in whichever pytest-xdist worker runs it; the comparison of the
# whole tables names every page type or API answer over its budget.
def test_each_page_type_and_api_answer_runs_the_same_number_of_queries_for_20_and_30_items():
    counts = query_counts()

    assert {name: counts[name] for name in PAGE_BUDGETS} == {name: (b, b) for name, b in PAGE_BUDGETS.items()}
    assert {name: counts[name] for name in API_BUDGETS} == {name: (b, b) for name, b in API_BUDGETS.items()}
