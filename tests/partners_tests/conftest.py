import io

import pytest

from django.core.management import call_command

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
def no_demo_partners(db):
    Partner.objects.filter(is_demo=True).delete()
