import datetime

import pytest

from django.core.exceptions import ValidationError
from django.utils import translation

from wagtail.models import Page

from home.text import fold
from partners.models import DatePrecision, Partner, Sector, SocialEconomyKind
from partners.templatetags.partner_tags import member_since_display

from ..factories.partners import PartnerFactory, PartnerIndexPageFactory

pytestmark = pytest.mark.django_db


def test_social_economy_entity_needs_a_kind_and_other_sectors_have_none():
    partner = PartnerFactory.build(sector=Sector.SOCIAL_ECONOMY, social_economy_kind="")
    with pytest.raises(ValidationError) as error:
        partner.full_clean()
    assert "social_economy_kind" in error.value.error_dict

    partner = PartnerFactory.build(sector=Sector.NGO, social_economy_kind=SocialEconomyKind.CIS)
    with pytest.raises(ValidationError) as error:
        partner.full_clean()
    assert "social_economy_kind" in error.value.error_dict


def test_logo_needs_alternative_text():
    from wagtail_factories import ImageFactory

    partner = PartnerFactory.build(logo=ImageFactory(), logo_alt=" ")
    with pytest.raises(ValidationError) as error:
        partner.full_clean()
    assert "logo_alt" in error.value.error_dict


def test_coordinates_come_in_pairs():
    partner = PartnerFactory.build(latitude=51.25, longitude=None)
    with pytest.raises(ValidationError) as error:
        partner.full_clean()
    assert "longitude" in error.value.error_dict


def test_slug_is_unique_within_a_language(locale_pl):
    PartnerFactory(slug="taki-sam")
    with pytest.raises(ValidationError) as error:
        PartnerFactory.build(slug="taki-sam", locale=locale_pl).full_clean()
    assert "slug" in error.value.error_dict


def test_member_since_keeps_only_the_known_month_and_shows_no_invented_day():
    partner = PartnerFactory.build(member_since=datetime.date(2010, 11, 23), member_since_precision=DatePrecision.MONTH)
    partner.full_clean()

    assert partner.member_since == datetime.date(2010, 11, 1)
    assert partner.member_since_iso == "2010-11"
    with translation.override("en"):
        assert member_since_display(partner) == "November 2010"
    with translation.override("pl"):
        assert member_since_display(partner).lower() == "listopad 2010"


def test_member_since_with_only_a_year():
    partner = PartnerFactory.build(member_since=datetime.date(2015, 6, 9), member_since_precision=DatePrecision.YEAR)
    partner.full_clean()

    assert partner.member_since_iso == "2015"
    assert member_since_display(partner) == "2015"


def test_name_search_ignores_case_and_polish_diacritics():
    partner = PartnerFactory(name="Lubelska Spółdzielnia Socjalna „ŻÓŁW”", short_name="ŻÓŁW")

    assert fold("Źdźbło ŁĄKA") == "zdzblo laka"
    assert Partner.objects.matching("zolw").filter(pk=partner.pk).exists()
    assert Partner.objects.matching("SPÓŁDZIELNIA socjalna").filter(pk=partner.pk).exists()
    assert not Partner.objects.matching("żubr").filter(pk=partner.pk).exists()


def test_a_draft_partner_is_not_visible_until_published():
    partner = PartnerFactory(live=False)
    assert not Partner.objects.visible().filter(pk=partner.pk).exists()

    partner.save_revision().publish()

    assert Partner.objects.visible().filter(pk=partner.pk).exists()


def test_translation_rules_synchronise_facts_and_translate_words():
    from wagtail_localize.fields import SynchronizedField, TranslatableField

    rules = {field.field_name: type(field) for field in Partner.translatable_fields}
    for fact in (
        "slug",
        "sector",
        "website",
        "public_phone",
        "public_email",
        "latitude",
        "longitude",
        "member_since",
        "logo",
    ):
        assert rules[fact] is SynchronizedField, fact
    for words in ("name", "short_name", "description", "logo_alt"):
        assert rules[words] is TranslatableField, words


def test_factories_build_valid_partners_and_index_pages(locale_pl):
    partner = PartnerFactory()
    partner.full_clean()
    page = PartnerIndexPageFactory(parent=Page.get_first_root_node(), slug="inne-drzewo", locale=locale_pl)

    assert page.partners().filter(pk=partner.pk).exists()
