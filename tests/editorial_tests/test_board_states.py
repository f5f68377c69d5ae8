"""An honest board: each state computed from live revisions and wagtail-localize's segment data (missing, draft,
in review, out of date, live but incomplete, up to date), a segment count for every state, nothing listed that
needs no translation, filters and a search box, and a fixed number of queries however many rows."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail_localize.models import TranslationSource

from editorial.board import DRAFT, IN_REVIEW, INCOMPLETE, MISSING, OUTDATED, UP_TO_DATE, TranslationBoard
from home.content import FORMATION
from home.models import StandardPage
from partners.models import Partner

from ..factories.newsletter import NewsletterIssueFactory
from .utils import translate_string, translation_of

pytestmark = pytest.mark.django_db

BOARD_URL = reverse("editorial:translation_board")


def row_for(instance):
    kind = Page if isinstance(instance, Page) else type(instance)
    return next(row for row in TranslationBoard().rows if isinstance(row.source, kind) and row.source.pk == instance.pk)


def is_listed(instance):
    kind = Page if isinstance(instance, Page) else type(instance)
    return any(isinstance(row.source, kind) and row.source.pk == instance.pk for row in TranslationBoard().rows)


def change_polish_paragraph(page):
    for index, block in enumerate(page.body):
        if block.block_type == "paragraph" and FORMATION.pl in block.value.source:
            page.body[index] = ("paragraph", RichText("<p>Nowy akapit o powstaniu Partnerstwa.</p>"))
    page.save_revision().publish()


def sync(client, page_or_snippet, **data):
    source = TranslationSource.objects.get(object_id=page_or_snippet.translation_key, locale__language_code="pl")
    response = client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), data)
    assert response.status_code == 302
    return response


@pytest.fixture
def polish_home(locale_pl):
    return Page.objects.get(locale=locale_pl, depth=2)


def test_a_missing_translation_counts_every_segment(polish_home):
    page = polish_home.add_child(
        instance=StandardPage(title="Walne zebranie", slug="walne-zebranie", intro="Zaproszenie na zebranie.")
    )
    page.save_revision().publish()

    row = row_for(page)

    assert row.state == MISSING
    assert row.segments_to_translate >= 3  # title, slug, introduction at least


def test_saved_but_unsubmitted_translations_are_a_draft_not_live(client, translator, polish_about, english_about):
    client.force_login(translator)

    translate_string(client, english_about, "O Partnerstwie", "About the Lublin Partnership")

    row = row_for(polish_about)
    assert row.state == DRAFT
    assert not row.is_flagged


def test_a_submitted_translation_is_in_review(
    client, translator, polish_about, english_about, django_capture_on_commit_callbacks
):
    client.force_login(translator)
    translate_string(client, english_about, "O Partnerstwie", "About the Lublin Partnership")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("editorial:submit_for_review", args=[english_about.pk]))

    assert row_for(polish_about).state == IN_REVIEW


def test_a_changed_source_is_out_of_date_and_counts_the_changed_segment(polish_about):
    change_polish_paragraph(polish_about)

    row = row_for(polish_about)

    assert row.state == OUTDATED
    assert row.segments_to_translate == 1
    assert row.is_flagged


def test_publishing_immediately_makes_a_live_but_incomplete_translation(
    client, admin_user, polish_about, english_about, django_capture_on_commit_callbacks
):
    change_polish_paragraph(polish_about)
    client.force_login(admin_user)

    with django_capture_on_commit_callbacks(execute=True):
        sync(client, polish_about, publish_translations="on")

    row = row_for(polish_about)
    assert row.state == INCOMPLETE
    assert row.segments_to_translate == 1
    assert row.is_flagged


def test_an_alias_translation_is_live_but_incomplete(client, admin_user, polish_about, english_about):
    client.force_login(admin_user)

    client.post(reverse("wagtail_localize:convert_to_alias", args=[english_about.pk]))

    row = row_for(polish_about)
    assert row.state == INCOMPLETE
    assert row.segments_to_translate > 0


def test_a_synced_change_to_a_partners_phone_leaves_the_english_partner_out_of_date(client, translator, locale_pl):
    polish = Partner.objects.get(locale=locale_pl, slug__icontains="koziolek")
    assert row_for(polish).state == UP_TO_DATE
    polish.public_phone = "+48 81 000 00 00"
    polish.save_revision().publish()
    assert row_for(polish).state == OUTDATED
    client.force_login(translator)

    sync(client, polish)

    row = row_for(polish)
    assert row.state == OUTDATED  # synced, but the live English partner still shows the old number
    assert row.translation.public_phone != polish.public_phone


def test_never_published_sources_are_left_out(polish_home):
    draft = polish_home.add_child(instance=StandardPage(title="Szkic strony", slug="szkic-strony", live=False))
    draft.save_revision()

    assert not is_listed(draft)


def test_sent_newsletter_issues_are_left_out():
    unsent = NewsletterIssueFactory()
    sent = NewsletterIssueFactory(send_requested_at=timezone.now())

    assert row_for(unsent).state == MISSING
    assert not is_listed(sent)


def test_the_report_filters_by_type_language_and_words(client, translator, polish_home):
    page = polish_home.add_child(instance=StandardPage(title="Walne zebranie członków", slug="walne-zebranie"))
    page.save_revision().publish()
    client.force_login(translator)

    def titles(**params):
        return [str(row.title) for row in client.get(BOARD_URL, params).context["object_list"]]

    assert titles(q="zebranie CZŁONKÓW") == ["Walne zebranie członków"]
    assert titles(q="zebranie", language="en", kind="home.standardpage", state=MISSING) == ["Walne zebranie członków"]
    assert titles(q="zebranie", kind="partners.partner") == []
    partners = titles(kind="partners.partner")
    assert partners and all("Walne" not in title for title in partners)
    html = client.get(BOARD_URL).content.decode()
    assert 'type="search" name="q"' in html and 'name="kind"' in html and 'name="language"' in html


def test_the_board_reads_a_fixed_number_of_queries_for_about_15_and_35_rows(client, translator, polish_home):
    """Rows of every state, then 20 more missing pages: the board reads the same number of queries."""
    english_about = Page.objects.get(locale__language_code="en", slug="about").specific
    client.force_login(translator)
    translate_string(client, english_about, "O Partnerstwie", "About the Lublin Partnership")  # a draft
    change_polish_paragraph(Page.objects.get(locale__language_code="pl", slug="o-partnerstwie").specific)
    NewsletterIssueFactory()
    TranslationBoard().rows  # the first reading in a process loads the content types it names (Django's cache)
    with CaptureQueriesContext(connection) as few:
        rows = TranslationBoard().rows
    assert {row.state for row in rows} >= {MISSING, OUTDATED, UP_TO_DATE}

    for number in range(20):
        polish_home.add_child(instance=StandardPage(title=f"Kolejna {number}", slug=f"kolejna-{number}"))
    # Published in one statement: 20 publications would only slow the test down.
    Page.objects.filter(slug__startswith="kolejna-").update(last_published_at=timezone.now(), live=True)
    with CaptureQueriesContext(connection) as many:
        rows = TranslationBoard().rows

    assert len(rows) >= 35
    assert len(many) == len(few)
    assert translation_of(english_about)  # the draft row is still there
