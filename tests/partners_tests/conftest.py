import io

import pytest
from wagtail_factories import ImageFactory

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from partners.models import Partner, PartnerIndexPage


@pytest.fixture
def index_pl(locale_pl):
    return PartnerIndexPage.objects.get(locale=locale_pl)


@pytest.fixture
def index_en(locale_en):
    return PartnerIndexPage.objects.get(locale=locale_en)


@pytest.fixture
def generate_demo_partners(db):
    """Run ``generate_demo_data --partners N`` and return its output."""

    def generate(count, seed=2010):
        out = io.StringIO()
        call_command("generate_demo_data", partners=count, seed=seed, allow_production=True, stdout=out)
        return out.getvalue()

    return generate


@pytest.fixture
def queries_for_10_and_60_partners(client, generate_demo_partners):
    """The queries of one answer at ``url`` with 10 demo partners (with logos), then with 60."""

    def count(url):
        logo = ImageFactory(title="[DEMO] logo")
        counts = []
        # Sixty pass a page of the index (20) and list six times as many in the API: per-partner queries show.
        for total in (10, 60):
            generate_demo_partners(total)
            Partner.objects.filter(is_demo=True).update(logo=logo, logo_alt="[DEMO] logo")
            client.get(url)  # warm caches and create logo renditions once
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            assert response.status_code == 200
            counts.append(len(queries))
        return counts

    return count


@pytest.fixture
def no_demo_partners(db):
    Partner.objects.filter(is_demo=True).delete()
