import pytest

from django.contrib.auth.models import Group, Permission

from wagtail.models import ModelLogEntry

from membership.decisions import ACCEPT_ACTION, REJECT_ACTION, DecisionError, accept
from membership.models import ApplicationStatus
from partners.models import Partner

from ..factories.membership import MembershipApplicationFactory

pytestmark = pytest.mark.django_db

INDEX = "/admin/membership_applications/"


def inspect_url(application):
    return f"{INDEX}inspect/{application.pk}/"


def test_applications_are_listed_with_a_status_filter_and_search(admin_client):
    waiting = MembershipApplicationFactory(institution_name="Fundacja Łąka")
    decided = MembershipApplicationFactory(institution_name="Spółdzielnia Koło", status=ApplicationStatus.REJECTED)

    everything = admin_client.get(INDEX).content.decode()
    assert waiting.institution_name in everything and decided.institution_name in everything

    only_new = admin_client.get(INDEX, {"status": "new"}).content.decode()
    assert waiting.institution_name in only_new and decided.institution_name not in only_new

    found = admin_client.get(INDEX, {"q": "Koło"}).content.decode()
    assert decided.institution_name in found and waiting.institution_name not in found


def test_an_applications_page_shows_everything_submitted(admin_client):
    application = MembershipApplicationFactory(website="https://laka.example.org", krs="0000123456")

    html = admin_client.get(inspect_url(application)).content.decode()

    for value in (
        application.institution_name,
        application.legal_form,
        application.street,
        application.postcode,
        application.nip,
        application.regon,
        application.krs,
        application.representative_name,
        application.representative_role,
        application.contact_name,
        application.email,
        application.phone,
        application.website,
        application.motivation,
        application.consent_version,
        application.reference,
    ):
        assert value in html
    assert application.consent_text[:60] in html


def test_applications_cannot_be_created_or_edited_in_the_admin(admin_client):
    application = MembershipApplicationFactory()

    assert admin_client.get(f"{INDEX}new/").status_code == 404
    edit = admin_client.get(f"{INDEX}edit/{application.pk}/")
    assert edit.status_code == 302 and edit["Location"] == inspect_url(application)


def test_accepting_creates_a_draft_partner_with_the_institutions_data_only_and_logs_it(admin_client, admin_user):
    application = MembershipApplicationFactory(
        institution_name="Spółdzielnia Socjalna Łąka",
        sector="social_economy",
        social_economy_kind="social_cooperative",
        website="https://laka.example.org",
    )

    page = admin_client.get(inspect_url(application)).content.decode()
    assert f"{INDEX}accept/{application.pk}/" in page
    response = admin_client.post(f"{INDEX}accept/{application.pk}/")

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.ACCEPTED
    assert application.decided_by == admin_user and application.decided_at
    partner = application.partner
    assert partner.live is False
    assert partner.locale.language_code == "pl"
    assert (partner.name, partner.sector, partner.social_economy_kind) == (
        "Spółdzielnia Socjalna Łąka",
        "social_economy",
        "social_cooperative",
    )
    assert (partner.street, partner.postcode, partner.city) == (application.street, application.postcode, "Lublin")
    assert partner.website == application.website
    # The contact person's e-mail and phone stay with the application: the partner's public contact starts empty.
    assert (partner.public_email, partner.public_phone) == ("", "")
    assert partner.slug == "spoldzielnia-socjalna-laka"
    assert partner.latest_revision is not None
    assert not Partner.objects.visible().filter(pk=partner.pk).exists()
    entry = ModelLogEntry.objects.get(action=ACCEPT_ACTION)
    assert entry.object_id == str(application.pk) and entry.user == admin_user
    assert entry.data["partner_id"] == partner.pk
    record = admin_client.get(inspect_url(application)).content.decode()
    assert f"/admin/snippets/partners/partner/edit/{partner.pk}/" in record
    assert f"{INDEX}accept/" not in record


def test_rejecting_needs_a_reason_which_is_recorded_and_logged(admin_client, admin_user):
    application = MembershipApplicationFactory()
    url = f"{INDEX}reject/{application.pk}/"

    without_reason = admin_client.post(url, {"reason": "  "})
    assert without_reason.status_code == 200
    application.refresh_from_db()
    assert application.status == ApplicationStatus.NEW

    admin_client.post(url, {"reason": "Instytucja spoza województwa."})

    application.refresh_from_db()
    assert application.status == ApplicationStatus.REJECTED
    assert application.rejection_reason == "Instytucja spoza województwa."
    assert application.partner is None
    entry = ModelLogEntry.objects.get(action=REJECT_ACTION)
    assert entry.user == admin_user and entry.data["reason"] == "Instytucja spoza województwa."
    history = admin_client.get(f"{INDEX}history/{application.pk}/").content.decode()
    assert "Zgłoszenie odrzucone" in history or "Application rejected" in history


def test_a_decided_application_cannot_be_decided_again(admin_client, admin_user):
    application = MembershipApplicationFactory()
    accept(application, admin_user)

    with pytest.raises(DecisionError):
        accept(application, admin_user)
    response = admin_client.post(f"{INDEX}reject/{application.pk}/", {"reason": "Za późno"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.ACCEPTED
    assert Partner.objects.filter(name=application.institution_name).count() == 1


def test_two_applications_with_the_same_name_get_distinct_partner_slugs(admin_user):
    first = accept(MembershipApplicationFactory(institution_name="Fundacja Most"), admin_user).partner
    second = accept(MembershipApplicationFactory(institution_name="Fundacja Most"), admin_user).partner

    assert first.slug == "fundacja-most" and second.slug == "fundacja-most-2"


def test_only_staff_allowed_to_change_applications_may_decide(client, django_user_model):
    application = MembershipApplicationFactory()
    viewer = django_user_model.objects.create_user("viewer", password="x")
    group = Group.objects.create(name="Przegląd zgłoszeń")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_membershipapplication"),
    )
    viewer.groups.add(group)
    client.force_login(viewer)

    assert client.get(inspect_url(application)).status_code == 200
    assert f"{INDEX}accept/" not in client.get(inspect_url(application)).content.decode()
    refused = client.post(f"{INDEX}accept/{application.pk}/")
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    application.refresh_from_db()
    assert application.status == ApplicationStatus.NEW
