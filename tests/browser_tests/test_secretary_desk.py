"""The secretary's desk in a real browser: a Sekretariat user, whose admin is in Polish, finds the membership
applications in the menu, reads one (Polish labels, Tak, a dash for what was left empty) and accepts it."""

from django.contrib.auth.models import Group

from editorial.roles import SECRETARIAT
from membership.models import ApplicationStatus, MembershipApplication
from tests.factories.membership import MembershipApplicationFactory

from .conftest import log_in

PASSWORD = "a-long-test-password-2"  # noqa: S105


def log_in_as_secretary(page, site_url, django_user_model):
    user = django_user_model.objects.create_user("sekretariat", "sekretariat@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name=SECRETARIAT))
    log_in(page, site_url, user, PASSWORD, language="pl")


def test_the_secretary_reads_and_accepts_an_application(site_url, page, django_user_model):
    application = MembershipApplicationFactory(institution_name="Fundacja Dobry Start", website="", krs="")
    log_in_as_secretary(page, site_url, django_user_model)

    page.get_by_role("link", name="Zgłoszenia przystąpienia").click()
    page.get_by_role("link", name="Fundacja Dobry Start").click()
    page.wait_for_url(f"{site_url}/admin/membership_applications/inspect/{application.pk}/")
    record = page.locator("main")

    assert record.get_by_text("Popiera Deklarację Ideową").is_visible()
    assert record.locator("dd", has_text="Tak").count() >= 1
    assert record.get_by_text("Numer zgłoszenia").is_visible()
    assert record.get_by_text(application.reference).is_visible()
    assert record.locator("dd", has_text="—").count() >= 2  # no website, no KRS
    assert "Reference" not in record.inner_text() and "True" not in record.inner_text()

    page.get_by_role("link", name="Przyjmij").click()
    page.get_by_role("button", name="Przyjmij i utwórz szkic partnera").click()
    page.wait_for_url(f"{site_url}/admin/membership_applications/inspect/{application.pk}/")

    assert "Fundacja Dobry Start" in page.locator(".messages").inner_text()
    assert MembershipApplication.objects.get(pk=application.pk).status == ApplicationStatus.ACCEPTED
