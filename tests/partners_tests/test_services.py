import datetime

import pytest

from django.core.exceptions import ValidationError

from partners.models import DatePrecision, Partner, Sector
from partners.services import create_draft_partner, unique_slug

from ..factories.partners import PartnerFactory

pytestmark = pytest.mark.django_db


def test_create_draft_partner_makes_an_unpublished_partner_with_a_revision(locale_pl, admin_user):
    partner = create_draft_partner(
        name="Fundacja „Nowa Łąka”",
        sector=Sector.NGO,
        user=admin_user,
        public_email="biuro@nowa-laka.example.org",
        member_since=datetime.date(2026, 11, 20),
        member_since_precision=DatePrecision.DAY,
    )

    assert partner.slug == "fundacja-nowa-laka"
    assert partner.locale == locale_pl
    assert not partner.live
    assert partner.latest_revision.user == admin_user
    assert not Partner.objects.visible().filter(pk=partner.pk).exists()


def test_create_draft_partner_applies_the_models_rules():
    with pytest.raises(ValidationError) as error:
        create_draft_partner(name="Spółdzielnia Bez Rodzaju", sector=Sector.SOCIAL_ECONOMY)

    assert "social_economy_kind" in error.value.error_dict
    assert not Partner.objects.filter(name="Spółdzielnia Bez Rodzaju").exists()


def test_unique_slug_numbers_a_taken_slug(locale_pl, locale_en):
    PartnerFactory(slug="fundacja-most")
    PartnerFactory(slug="fundacja-most-2")

    assert unique_slug("Fundacja Most", locale_pl) == "fundacja-most-3"
    assert unique_slug("Fundacja Most", locale_en) == "fundacja-most"
    assert unique_slug("„…”", locale_pl) == "partner"
