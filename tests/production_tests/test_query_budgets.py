"""Each page type and API listing runs the same, asserted, number of queries for 20 and for 300 items.

The content grows once per module (20 menu pages and 20 partners, then 300 of each) inside a transaction
rolled back at the end; each test checks the figures of its own page type. The page cache is off in tests:
these are the costs of rendering for real.
"""

import pytest

from django.db import transaction

from home.models import ContactPage, HomePage, StandardPage
from partners.factories import PartnerFactory
from partners.models import PartnerIndexPage

from .budget import NO_SEARCH_INDEXING, add_pages, count_queries

pytestmark = pytest.mark.django_db

FEW, MANY = 20, 300


def add_partners(count, start=0):
    with NO_SEARCH_INDEXING:
        return [
            PartnerFactory(name=f"Stowarzyszenie Budżetowe {n:04d}", slug=f"stowarzyszenie-budzetowe-{n:04d}")
            for n in range(start, start + count)
        ]


def page_urls(partner):
    """What each test measures, by name: URLs are looked up in the content loaded for the session."""
    standard = StandardPage.objects.filter(locale__language_code="pl").live().order_by("path").first()
    contact = ContactPage.objects.get(locale__language_code="pl")
    partner_index = PartnerIndexPage.objects.get(locale__language_code="pl")
    return {
        "partner_index": partner_index.url,
        "partner_detail": f"{partner_index.url}{partner.slug}/",
        "api_partners": "/api/v2/partners/?locale=pl&limit=20",
        "home_pl": "/pl/",
        "home_en": "/en/",
        "standard": standard.url,
        "contact": contact.url,
        # Newest first: both times the 20 listed are pages made here, alike (the seeded ones link to others).
        "api_listing": "/api/v2/pages/?type=home.StandardPage&fields=*&order=-id&limit=20",
        "api_listing_all_types": "/api/v2/pages/?order=-id&limit=20",
        "api_detail": f"/api/v2/pages/{standard.pk}/",
        "api_contact": "/api/v2/contact/",
    }


@pytest.fixture(scope="module")
def query_counts(django_db_setup, django_db_blocker):
    """{name: (queries with FEW menu pages and partners, queries with MANY)}."""
    with django_db_blocker.unblock(), transaction.atomic():
        home = HomePage.objects.get(locale__language_code="pl")
        partners = add_partners(FEW)
        urls = page_urls(partners[0])
        add_pages(home, StandardPage, FEW, show_in_menus=True)
        few = {name: count_queries(url) for name, url in urls.items()}
        add_partners(MANY - FEW, start=FEW)
        add_pages(home, StandardPage, MANY - FEW, start=FEW, show_in_menus=True)
        many = {name: count_queries(url) for name, url in urls.items()}
        transaction.set_rollback(True)
    return {name: (few[name], many[name]) for name in urls}


@pytest.mark.parametrize(
    ("name", "budget"),
    [
        ("home_pl", 30),
        ("home_en", 34),
        ("standard", 21),
        ("contact", 22),
        ("partner_index", 23),
        ("partner_detail", 21),
    ],
)
def test_page_type_renders_in_the_same_number_of_queries_for_20_and_300_items(query_counts, name, budget):
    assert query_counts[name] == (budget, budget)


@pytest.mark.parametrize(
    ("name", "budget"),
    [
        ("api_listing", 6),
        ("api_listing_all_types", 6),
        ("api_detail", 9),
        ("api_contact", 2),
        ("api_partners", 6),
    ],
)
def test_api_answers_in_the_same_number_of_queries_for_20_and_300_pages(query_counts, name, budget):
    assert query_counts[name] == (budget, budget)
