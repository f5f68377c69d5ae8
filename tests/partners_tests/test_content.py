import io

import pytest

from django.core.management import call_command

from partners.models import DatePrecision, Partner, PartnerIndexPage, Role, Sector, SocialEconomyKind

pytestmark = pytest.mark.django_db


def test_partners_page_is_in_both_trees_under_home(locale_pl, locale_en):
    pl = PartnerIndexPage.objects.get(locale=locale_pl)
    en = PartnerIndexPage.objects.get(locale=locale_en)

    assert (pl.title, pl.url, pl.live) == ("Partnerzy", "/pl/partnerzy/", True)
    assert (en.title, en.url, en.live) == ("Partners", "/en/partners/", True)
    assert en.translation_key == pl.translation_key
    assert pl.get_parent().specific_class.__name__ == "HomePage"


@pytest.mark.parametrize(
    ("language", "name"),
    [("pl", "Lubelska Spółdzielnia Socjalna „KOZIOŁEK”"), ("en", "Lublin Social Cooperative “KOZIOŁEK”")],
)
def test_koziolek_is_the_initiator_in_both_languages(language, name):
    partner = Partner.objects.get(slug="koziolek", locale__language_code=language)

    assert partner.name == name
    assert partner.live and partner.is_active and not partner.is_demo
    assert partner.sector == Sector.SOCIAL_ECONOMY
    assert partner.social_economy_kind == SocialEconomyKind.SOCIAL_COOPERATIVE
    assert partner.role == Role.INITIATOR
    assert partner.member_since_iso == "2010-11"
    assert partner.member_since_precision == DatePrecision.MONTH
    # Nothing beyond the partnership's own text.
    assert not any(
        [partner.website, partner.public_email, partner.public_phone, partner.street, partner.city, partner.logo_id]
    )


def test_koziolek_english_version_is_a_wagtail_localize_translation():
    from wagtail_localize.models import Translation

    polish = Partner.objects.get(slug="koziolek", locale__language_code="pl")

    assert Translation.objects.filter(source__object_id=polish.translation_key, target_locale__language_code="en")


@pytest.mark.parametrize(
    ("url", "texts"),
    [
        ("/pl/partnerzy/", ["Lubelska Spółdzielnia Socjalna „KOZIOŁEK”", "Inicjator Partnerstwa"]),
        ("/en/partners/", ["Lublin Social Cooperative “KOZIOŁEK”", "Initiator of the Partnership"]),
        ("/pl/partnerzy/koziolek/", ["Podmiot ekonomii społecznej – spółdzielnia socjalna", "istopad 2010"]),
        ("/en/partners/koziolek/", ["Social economy entity – social cooperative", "November 2010"]),
    ],
)
def test_koziolek_is_listed_and_has_a_detail_page_in_both_languages(client, url, texts):
    response = client.get(url)

    assert response.status_code == 200
    for text in texts:
        assert text in response.content.decode()


def test_load_content_again_changes_nothing_and_never_makes_demo_data():
    before = Partner.objects.count()
    out = io.StringIO()

    call_command("load_content", stdout=out)

    assert Partner.objects.count() == before
    assert not Partner.objects.filter(is_demo=True).exists()
    assert "Done: 0 created" in out.getvalue()
