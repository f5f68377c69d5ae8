import csv
import io

import pytest
from openpyxl import load_workbook

from django.urls import reverse

from partners.models import Partner

from ..factories.partners import PartnerFactory

pytestmark = pytest.mark.django_db

INDEX = "wagtailsnippets_partners_partner:list"


def export(admin_client, fmt, **params):
    return admin_client.get(reverse(INDEX), {"export": fmt, **params})


def test_listing_shows_sector_city_active_and_language(admin_client):
    response = admin_client.get(reverse(INDEX))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Lubelska Spółdzielnia Socjalna „KOZIOŁEK”" in html
    for heading in ("Sektor", "Miejscowość", "Aktywny", "Lokalizacja"):
        assert heading.lower() in html.lower()


def test_listing_filters_and_searches(admin_client, no_demo_partners):
    PartnerFactory(name="Fundacja Wyszukiwana", slug="wyszukiwana", city="Chełm")

    found = admin_client.get(reverse(INDEX), {"q": "Wyszukiwana"}).content.decode()
    by_sector = admin_client.get(reverse(INDEX), {"sector": "social_economy"}).content.decode()

    assert "Fundacja Wyszukiwana" in found and "KOZIOŁEK" not in found
    assert "KOZIOŁEK" in by_sector and "Fundacja Wyszukiwana" not in by_sector


def test_csv_export_lists_partners_of_every_language(admin_client, no_demo_partners):
    response = export(admin_client, "csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv"
    assert 'filename="partners.csv"' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    # The admin speaks the editor's language: Polish by default.
    koziolek = {row["Język"]: row for row in rows if row["Slug"] == "koziolek"}
    assert koziolek["pl"]["Nazwa"] == "Lubelska Spółdzielnia Socjalna „KOZIOŁEK”"
    assert koziolek["en"]["Nazwa"] == "Lublin Social Cooperative “KOZIOŁEK”"
    assert koziolek["en"]["Sektor"] == "podmiot ekonomii społecznej"
    assert koziolek["en"]["Członek od"] == "2010-11"


def test_csv_export_follows_the_filter_and_neutralises_formulas(admin_client, no_demo_partners):
    PartnerFactory(name='=HYPERLINK("http://evil.example")', slug="formula", sector="business")

    response = export(admin_client, "csv", sector="business")

    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row["Nazwa"] for row in rows] == ['\'=HYPERLINK("http://evil.example")']


def test_xlsx_export(admin_client):
    response = export(admin_client, "xlsx", sector="social_economy")

    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.active.values)
    assert rows[0][0] == "Nazwa"
    assert {row[0] for row in rows[1:]} == {
        "Lubelska Spółdzielnia Socjalna „KOZIOŁEK”",
        "Lublin Social Cooperative “KOZIOŁEK”",
    }


def test_export_needs_an_editor(client):
    response = client.get(reverse(INDEX), {"export": "csv"})

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_editor_can_add_a_draft_partner(admin_client, locale_pl):
    response = admin_client.post(
        reverse("wagtailsnippets_partners_partner:add") + "?locale=pl",
        {
            "name": "Stowarzyszenie Nowe",
            "short_name": "",
            "slug": "stowarzyszenie-nowe",
            "sector": "ngo",
            "social_economy_kind": "",
            "role": "member",
            "member_since": "2024-03-15",
            "member_since_precision": "month",
            "is_active": "on",
            "locale": locale_pl.pk,
        },
    )

    assert response.status_code == 302, response.context["form"].errors if response.context else response
    partner = Partner.objects.get(slug="stowarzyszenie-nowe")
    assert not partner.live
    assert partner.latest_revision is not None
    assert str(partner.member_since) == "2024-03-01"


def test_editors_preview_shows_the_partner():
    partner = Partner.objects.get(slug="koziolek", locale__language_code="pl")

    response = partner.make_preview_request()

    assert response.status_code == 200
    assert "Lubelska Spółdzielnia Socjalna „KOZIOŁEK”" in response.content.decode()
