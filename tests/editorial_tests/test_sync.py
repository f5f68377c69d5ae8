"""Sync without loss: when the Polish source changes, updating the English translation keeps every segment a
translator edited for unchanged source text, and the board flags the segments whose source changed."""

import pytest

from django.urls import reverse

from wagtail.rich_text import RichText

from editorial.board import IN_REVIEW, OUTDATED, TranslationBoard
from home.content import FORMATION, QUOTE_ATTRIBUTION

from .utils import translate_string, translation_of

pytestmark = pytest.mark.django_db

CHANGED_FORMATION = (
    "Lubelskie Partnerstwo (LPNRzRES) powstało w odpowiedzi na potrzebę współpracy instytucji publicznych, "
    "rynkowych i pozarządowych."
)


def board_row(page):
    return next(row for row in TranslationBoard().rows if row.source.pk == page.pk)


def change_polish_paragraph(page):
    for index, block in enumerate(page.body):
        if block.block_type == "paragraph" and FORMATION.pl in block.value.source:
            page.body[index] = ("paragraph", RichText(f"<p>{CHANGED_FORMATION}</p>"))
    page.save_revision().publish()


def test_update_from_a_changed_source_keeps_the_translators_edits(
    client, translator, polish_about, english_about, django_capture_on_commit_callbacks
):
    client.force_login(translator)
    translate_string(client, english_about, QUOTE_ATTRIBUTION.pl, "Compiled and edited by A. Biały")
    change_polish_paragraph(polish_about)
    assert board_row(polish_about).state == OUTDATED

    source = translation_of(english_about).source
    response = client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), {})
    assert response.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("editorial:submit_for_review", args=[english_about.pk]))

    english_about.refresh_from_db()
    assert english_about.workflow_in_progress
    draft = english_about.get_latest_revision_as_object()
    quote = next(block.value for block in draft.body if block.block_type == "quote")
    assert quote["attribution"] == "Compiled and edited by A. Biały"  # the translator's edit survived
    body = str(draft.body)
    assert CHANGED_FORMATION in body  # untranslated yet: the new Polish text stands in…
    assert FORMATION.en not in body  # …never the translation of the old text
    row = board_row(polish_about)
    assert row.state == IN_REVIEW
    assert row.segments_to_translate == 1  # exactly the paragraph whose Polish text changed


def test_translating_the_changed_segment_clears_the_flag(client, translator, polish_about, english_about):
    client.force_login(translator)
    change_polish_paragraph(polish_about)
    source = translation_of(english_about).source
    client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), {})
    assert board_row(polish_about).segments_to_translate == 1

    translate_string(
        client,
        english_about,
        CHANGED_FORMATION,
        "The Lublin Partnership (LPNRzRES) was created in response to the need for cooperation between public, "
        "market and non-governmental institutions.",
    )

    assert board_row(polish_about).segments_to_translate == 0
