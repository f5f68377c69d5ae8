"""Editors change the Polish source; translators' English work survives the sync."""

import pytest

from wagtail.models import Page
from wagtail_localize.models import String, StringTranslation, Translation, TranslationSource

from home.content import FORMATION
from home.models import HomePage

pytestmark = pytest.mark.django_db

NEW_POLISH = "Partnerstwo skupia instytucje publiczne, rynkowe i pozarządowe."
NEW_ENGLISH = "The Partnership brings together public, market and non-governmental institutions."
TRANSLATOR_QUOTE = "Edited by A. Biały"


def test_sync_updates_english_and_keeps_a_translator_edited_segment(
    client, locale_pl, locale_en, django_capture_on_commit_callbacks
):
    polish = HomePage.objects.get(locale=locale_pl).get_children().get(slug="o-partnerstwie").specific
    source = TranslationSource.objects.get(object_id=polish.translation_key, locale=locale_pl)
    translation = Translation.objects.get(source=source, target_locale=locale_en)

    # A translator rewords the English attribution of the quote.
    attribution = String.objects.get(data="Opr. A. Biały")
    StringTranslation.objects.filter(translation_of=attribution, locale=locale_en).update(data=TRANSLATOR_QUOTE)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)

    # An editor rewrites the first paragraph of the Polish page and publishes it.
    polish = Page.objects.get(pk=polish.pk).specific
    polish.body[0].value.source = polish.body[0].value.source.replace(FORMATION.pl, NEW_POLISH)
    polish.save_revision().publish()

    # The translation is synced from the new source and the new paragraph translated.
    source.update_from_db()
    po = translation.export_po()
    for entry in po:
        if entry.msgid == NEW_POLISH:
            entry.msgstr = NEW_ENGLISH
    translation.import_po(po)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)

    main = client.get("/en/about/").content.decode().split('<main id="main"')[1]
    assert NEW_ENGLISH in main
    assert FORMATION.en not in main
    assert TRANSLATOR_QUOTE in main
    assert NEW_POLISH in client.get("/pl/o-partnerstwie/").content.decode()
