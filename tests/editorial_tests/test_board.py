"""The translation status board: every Polish page and translatable snippet with its English state (missing,
out of date, draft, live), counts, links, a dashboard panel and a CSV export."""

import csv
import io

import pytest

from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from wagtail.models import Page

from editorial.board import DRAFT, MISSING, OUTDATED, UP_TO_DATE, TranslationBoard
from home.models import ContactDetails, StandardPage

from ..factories.editorial import UserFactory

pytestmark = pytest.mark.django_db

BOARD_URL = reverse("editorial:translation_board")


def row_for(instance):
    kind = Page if isinstance(instance, Page) else type(instance)
    return next(row for row in TranslationBoard().rows if isinstance(row.source, kind) and row.source.pk == instance.pk)


def add_polish_pages(parent, count, prefix="strona"):
    pages = []
    for number in range(count):
        page = parent.add_child(
            instance=StandardPage(title=f"{prefix.capitalize()} {number}", slug=f"{prefix}-{number}")
        )
        page.save_revision().publish()
        pages.append(page)
    return pages


@pytest.fixture
def polish_home(locale_pl):
    return Page.objects.get(locale=locale_pl, depth=2)


def test_the_seeded_translations_are_live():
    with translation.override("en"):
        rows = TranslationBoard().rows
        kinds = {str(row.kind) for row in rows}

    assert rows
    assert {row.state for row in rows} == {UP_TO_DATE}
    assert kinds >= {"home page", "standard page", "contact page", "contact details"}
    assert all(row.language_code == "en" for row in rows)


def test_a_polish_page_without_an_english_version_is_missing(polish_home):
    (page,) = add_polish_pages(polish_home, 1)

    row = row_for(page)

    assert row.state == MISSING
    assert row.translation is None
    assert row.action_url == reverse("wagtail_localize:submit_page_translation", args=[page.pk])


def test_a_polish_page_published_after_the_last_sync_makes_the_english_outdated(polish_about):
    polish_about.intro = "Nowe wprowadzenie."
    polish_about.save_revision().publish()

    row = row_for(polish_about)

    assert row.state == OUTDATED
    assert row.source_changed_at > row.synced_at
    assert row.action_url.startswith("/admin/localize/update/")


def test_a_polish_draft_does_not_make_the_english_outdated(polish_about):
    polish_about.intro = "Szkic, jeszcze nieopublikowany."
    polish_about.save_revision()

    assert row_for(polish_about).state == UP_TO_DATE


def test_english_changes_that_are_not_live_make_a_draft(polish_about, english_about):
    english_about.title = "About the Lublin Partnership"
    english_about.save_revision()

    row = row_for(polish_about)

    assert row.state == DRAFT
    assert row.action_url == reverse("wagtailadmin_pages:edit", args=[english_about.pk])


def test_an_unpublished_english_page_is_a_draft(polish_about, english_about):
    english_about.unpublish()

    assert row_for(polish_about).state == DRAFT


def test_changed_polish_contact_details_make_the_english_outdated(locale_pl):
    details = ContactDetails.objects.get(locale=locale_pl)
    assert row_for(details).state == UP_TO_DATE

    details.building_note = "w budynku obok"
    details.save()

    assert row_for(details).state == OUTDATED


def test_the_report_shows_counts_states_and_links(client, translator, polish_home):
    add_polish_pages(polish_home, 2)
    client.force_login(translator)

    response = client.get(BOARD_URL)

    assert response.status_code == 200
    html = response.content.decode()
    counts = {state: count for state, _label, count in response.context["counts"]}
    assert counts[MISSING] == 2
    assert counts[UP_TO_DATE] == len(TranslationBoard().rows) - 2
    assert 'data-translation-state="missing"' in html
    assert (
        reverse("wagtail_localize:submit_page_translation", args=[StandardPage.objects.get(slug="strona-0").pk]) in html
    )


def test_the_report_filters_by_state(client, translator, polish_home):
    add_polish_pages(polish_home, 2)
    client.force_login(translator)

    response = client.get(BOARD_URL, {"state": MISSING})

    assert [row.title for row in response.context["object_list"]] == ["Strona 0", "Strona 1"]


def test_the_report_exports_csv(client, editor, polish_home):
    add_polish_pages(polish_home, 1)
    client.force_login(editor)

    response = client.get(BOARD_URL, {"export": "csv"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="translation-status.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 1 + len(TranslationBoard().rows)
    missing = next(row for row in rows if row[0] == "Strona 0")
    assert missing[2:4] == ["en", MISSING]


def test_the_dashboard_shows_the_translation_panel(client, translator, polish_home):
    add_polish_pages(polish_home, 1)
    client.force_login(translator)

    response = client.get(reverse("wagtailadmin_home"))

    html = response.content.decode()
    assert 'id="translation-status' in html or "translation-status" in html
    assert BOARD_URL in html
    assert "Strona 0" in html


def test_admin_users_without_page_rights_have_no_board(client):
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    client.force_login(user)

    assert "translation-status" not in client.get(reverse("wagtailadmin_home")).content.decode()
    response = client.get(BOARD_URL)
    assert response.status_code == 302


def test_the_board_reads_the_same_number_of_queries_for_few_and_many_items(polish_home):
    add_polish_pages(polish_home, 1, prefix="pierwsza")
    TranslationBoard().rows  # warm the per-process caches (the content types of the snippets it lists)
    with CaptureQueriesContext(connection) as few:
        TranslationBoard().rows

    add_polish_pages(polish_home, 6, prefix="kolejna")
    with CaptureQueriesContext(connection) as many:
        assert len(TranslationBoard().rows) >= 7 + 4

    assert len(many) == len(few)


def test_the_report_page_reads_the_same_number_of_queries_for_few_and_many_items(
    client, translator, polish_home, django_assert_num_queries
):
    client.force_login(translator)
    add_polish_pages(polish_home, 1, prefix="pierwsza")
    client.get(BOARD_URL)  # warm the session and per-process caches
    with CaptureQueriesContext(connection) as few:
        client.get(BOARD_URL)

    add_polish_pages(polish_home, 6, prefix="kolejna")
    with django_assert_num_queries(len(few)):
        client.get(BOARD_URL)
