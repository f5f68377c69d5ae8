import pytest

from wagtail_localize.models import Translation
from wagtail_localize.operations import translate_object

from partners.models import Partner, Sector, SocialEconomyKind

from ..factories.partners import PartnerFactory

pytestmark = pytest.mark.django_db


def translate(partner, locale, capture):
    with capture(execute=True):
        translate_object(Partner.objects.get(pk=partner.pk), [locale])
    return partner.get_translation(locale)


def fill_translation(partner, locale, strings, capture):
    translation = Translation.objects.get(source__object_id=partner.translation_key, target_locale=locale)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = strings[entry.msgid]
    translation.import_po(po)
    with capture(execute=True):
        translation.save_target(publish=True)


@pytest.fixture
def polish_partner(no_demo_partners):
    partner = PartnerFactory(
        name="Centrum Integracji Społecznej „Most”",
        short_name="CIS Most",
        slug="cis-most",
        sector=Sector.SOCIAL_ECONOMY,
        social_economy_kind=SocialEconomyKind.CIS,
        description="<p>Pomagamy wrócić na rynek pracy.</p>",
        website="https://most.example.org/",
        public_phone="81 000 00 00",
        latitude="51.250000",
        longitude="22.570000",
    )
    partner.save_revision().publish()
    return partner


def test_translating_a_partner_copies_its_facts_and_publishes_it(
    polish_partner, locale_en, index_en, client, django_capture_on_commit_callbacks
):
    english = translate(polish_partner, locale_en, django_capture_on_commit_callbacks)
    # New translations start as drafts (WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False, editorial review).
    assert not english.live
    english.save_revision().publish()
    english.refresh_from_db()

    assert english.live
    assert english.translation_key == polish_partner.translation_key
    for fact in (
        "slug",
        "sector",
        "social_economy_kind",
        "website",
        "public_phone",
        "latitude",
        "longitude",
        "member_since",
    ):
        assert getattr(english, fact) == getattr(polish_partner, fact), fact
    assert client.get(f"{index_en.url}cis-most/").status_code == 200


def test_translated_words_replace_the_polish_ones(polish_partner, locale_en, django_capture_on_commit_callbacks):
    translate(polish_partner, locale_en, django_capture_on_commit_callbacks)

    fill_translation(
        polish_partner,
        locale_en,
        {
            "Centrum Integracji Społecznej „Most”": "“Most” Social Integration Centre",
            "CIS Most": "CIS Most",
            "Pomagamy wrócić na rynek pracy.": "We help people return to the labour market.",
        },
        django_capture_on_commit_callbacks,
    )

    english = Partner.objects.get(translation_key=polish_partner.translation_key, locale=locale_en)
    assert english.name == "“Most” Social Integration Centre"
    assert english.name_search == "“most” social integration centre cis most"
    assert english.description == "<p>We help people return to the labour market.</p>"
    assert english.website == "https://most.example.org/"


def test_facts_changed_in_polish_are_synchronised_to_english(
    polish_partner, locale_en, django_capture_on_commit_callbacks
):
    translate(polish_partner, locale_en, django_capture_on_commit_callbacks)
    polish_partner.website = "https://nowy-most.example.org/"
    polish_partner.public_phone = "81 111 11 11"
    polish_partner.save_revision().publish()

    # What the admin's "Sync translated snippets" does: refresh the source, then update the translation.
    translation = Translation.objects.get(source__object_id=polish_partner.translation_key, target_locale=locale_en)
    translation.source.update_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)

    english = Partner.objects.get(translation_key=polish_partner.translation_key, locale=locale_en)
    assert (english.website, english.public_phone) == ("https://nowy-most.example.org/", "81 111 11 11")


def test_a_draft_partner_translates_into_a_draft(no_demo_partners, locale_en, django_capture_on_commit_callbacks):
    draft = PartnerFactory(name="Stowarzyszenie Kandydat", slug="kandydat", live=False)
    draft.save_revision()

    english = translate(draft, locale_en, django_capture_on_commit_callbacks)

    assert not english.live
    assert not Partner.objects.visible().filter(translation_key=draft.translation_key).exists()
