"""The demo partners of ``partners/demo.py``, made through ``manage.py generate_demo_data``."""

import pytest

from partners.models import Partner

pytestmark = pytest.mark.django_db


def demo_names(language):
    return list(
        Partner.objects.filter(is_demo=True, locale__language_code=language)
        .order_by("slug")
        .values_list("name", flat=True)
    )


def test_creates_partners_in_both_languages_clearly_marked_as_demo(generate_demo_partners):
    output = generate_demo_partners(12)

    polish = Partner.objects.filter(is_demo=True, locale__language_code="pl")
    english = Partner.objects.filter(is_demo=True, locale__language_code="en")
    assert polish.count() == english.count() == 12
    assert all(name.startswith("[DEMO] ") for name in demo_names("pl") + demo_names("en"))
    assert set(polish.values_list("translation_key", flat=True)) == set(
        english.values_list("translation_key", flat=True)
    )
    assert all(p.public_email.endswith("@example.org") and not p.public_phone for p in polish)
    assert "partners: 12/12 partners (pl + en)" in output
    assert "partners: 12 partners in Polish and 12 in English" in output


def test_demo_partners_are_searchable_and_listed(generate_demo_partners, client, index_en):
    generate_demo_partners(30)
    english = Partner.objects.filter(is_demo=True, locale__language_code="en", is_active=True).first()

    response = client.get(index_en.url, {"q": english.name.lower()})

    assert english.name in response.content.decode()
    assert client.get(f"{index_en.url}{english.slug}/").status_code == 200


def test_the_same_seed_gives_the_same_data_and_a_rerun_replaces_it(generate_demo_partners):
    generate_demo_partners(20)
    first = demo_names("pl"), demo_names("en")

    generate_demo_partners(20)

    assert (demo_names("pl"), demo_names("en")) == first
    assert Partner.objects.filter(is_demo=True).count() == 40


def test_another_seed_gives_other_data(generate_demo_partners):
    generate_demo_partners(20, seed=1)
    first = demo_names("pl")

    generate_demo_partners(20, seed=2)

    assert demo_names("pl") != first


def test_zero_removes_demo_data_and_leaves_real_partners(generate_demo_partners):
    generate_demo_partners(5)

    generate_demo_partners(0)

    assert not Partner.objects.filter(is_demo=True).exists()
    assert Partner.objects.filter(slug="koziolek").count() == 2


def test_a_rerun_also_cleans_up_demo_partners_an_editor_touched(generate_demo_partners):
    from wagtail.models import Revision
    from wagtail_localize.models import TranslatableObject

    generate_demo_partners(3)
    edited = Partner.objects.filter(is_demo=True, locale__language_code="pl").first()
    edited.save_revision().publish()
    TranslatableObject.objects.get_or_create_from_instance(edited)

    generate_demo_partners(3)

    assert not Partner.objects.filter(pk=edited.pk).exists()
    assert not Revision.objects.filter(object_id=str(edited.pk), base_content_type__model="partner").exists()
    assert not TranslatableObject.objects.filter(translation_key=edited.translation_key).exists()
    assert Partner.objects.filter(is_demo=True).count() == 6
