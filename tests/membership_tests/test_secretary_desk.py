"""The secretary's desk: the Sekretariat role sees and decides membership applications, reads them in its own admin
language (times in Warsaw time as the list shows them, yes/no, a dash for what was left empty), and accepting one
publishes nothing of the contact person's."""

import re
from datetime import UTC, datetime

import pytest

from django.contrib.auth.models import Group

from wagtail.users.models import UserProfile

from editorial.roles import SECRETARIAT
from membership.models import ApplicationStatus
from partners.models import Partner

from ..factories.editorial import EditorFactory, ModeratorFactory, SecretaryFactory, TranslatorFactory
from ..factories.membership import MembershipApplicationFactory

pytestmark = pytest.mark.django_db

INDEX = "/admin/membership_applications/"


def logged_in(client, user, language="pl"):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    return client


def visible_text(response):
    html = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.fixture
def secretary(client):
    return logged_in(client, SecretaryFactory())


@pytest.fixture
def application():
    # 8:05 UTC on a winter day is 9:05 in Warsaw; no website, no KRS, no social economy kind.
    submitted = datetime(2026, 1, 15, 8, 5, tzinfo=UTC)
    return MembershipApplicationFactory(
        institution_name="Fundacja Dobry Start",
        submitted_at=submitted,
        consent_given_at=submitted,
        website="",
        krs="",
        social_economy_kind="",
        supports_ideological_declaration=True,
    )


def test_the_secretary_sees_the_menu_item_the_list_and_an_application(secretary, application):
    dashboard = secretary.get("/admin/")
    listing = secretary.get(INDEX)
    record = secretary.get(f"{INDEX}inspect/{application.pk}/")

    assert INDEX in dashboard.content.decode()  # the menu item
    assert listing.status_code == 200 and "Fundacja Dobry Start" in listing.content.decode()
    assert record.status_code == 200 and "Fundacja Dobry Start" in record.content.decode()


@pytest.mark.parametrize("role", [EditorFactory, TranslatorFactory, ModeratorFactory], ids=lambda f: f.__name__)
def test_roles_without_the_secretariat_neither_see_nor_open_applications(client, application, role):
    """Applications hold the contact person's e-mail and phone: only the Sekretariat reads them."""
    logged_in(client, role())

    assert INDEX not in client.get("/admin/").content.decode()
    for url in (INDEX, f"{INDEX}inspect/{application.pk}/", f"{INDEX}accept/{application.pk}/"):
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (302, "/admin/"), url


def test_the_record_shows_warsaw_time_yes_no_dashes_and_polish_labels(secretary, application):
    listing = visible_text(secretary.get(INDEX))
    record = visible_text(secretary.get(f"{INDEX}inspect/{application.pk}/"))

    assert "15 stycznia 2026 09:05" in listing
    assert "Data złożenia 15 stycznia 2026 09:05" in record
    assert "Popiera Deklarację Ideową Tak" in record
    assert "Strona internetowa —" in record and "KRS —" in record and "Data decyzji —" in record
    assert f"Numer zgłoszenia {application.reference}" in record
    for raw in ("True", "False", "None", "08:05", "Reference"):
        assert raw not in record


def test_the_record_speaks_english_in_the_english_admin(client, application):
    logged_in(client, SecretaryFactory(), language="en")

    record = visible_text(client.get(f"{INDEX}inspect/{application.pk}/"))

    assert "Supports the Ideological Declaration Yes" in record
    assert f"Reference {application.reference}" in record
    assert "Jan. 15, 2026, 9:05 a.m." in record


def test_the_secretary_accepts_an_application_and_the_contact_persons_data_stays_private(secretary, application):
    """The declaration's privacy clause: the data is processed to consider the declaration and to contact the
    institution about it, so the contact person's e-mail and phone never reach the published partner."""
    record = secretary.get(f"{INDEX}inspect/{application.pk}/").content.decode()
    assert f"{INDEX}accept/{application.pk}/" in record

    response = secretary.post(f"{INDEX}accept/{application.pk}/")

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.ACCEPTED
    partner = Partner.objects.get(pk=application.partner_id)
    assert partner.live is False and partner.name == "Fundacja Dobry Start"
    public_values = [str(getattr(partner, field.attname)) for field in Partner._meta.concrete_fields]
    for private in (application.email, application.phone, application.contact_name):
        assert not any(private in value for value in public_values), private


def test_the_secretary_rejects_an_application_with_a_reason(secretary, application):
    secretary.post(f"{INDEX}reject/{application.pk}/", {"reason": "Instytucja spoza województwa."})

    application.refresh_from_db()
    assert application.status == ApplicationStatus.REJECTED and application.partner is None


def test_migrations_create_the_secretariat_with_the_rights_on_applications_only(database_as_migrated):
    with database_as_migrated.cursor() as cursor:
        cursor.execute(
            "SELECT ct.app_label, p.codename FROM auth_group g "
            "JOIN auth_group_permissions gp ON gp.group_id = g.id "
            "JOIN auth_permission p ON p.id = gp.permission_id "
            "JOIN django_content_type ct ON ct.id = p.content_type_id WHERE g.name = %s",
            [SECRETARIAT],
        )
        rights = set(cursor.fetchall())

    assert rights == {
        ("wagtailadmin", "access_admin"),
        ("membership", "view_membershipapplication"),
        ("membership", "change_membershipapplication"),
    }
    assert Group.objects.filter(name=SECRETARIAT).exists()
