"""What the membership app keeps about a person, and for how long (finding 8 of issue #18): rejected
applications leave after the retention period, accepted ones stay as the membership record; a person's data
can be exported and erased by their e-mail address (``settings.PERSONAL_DATA_HANDLERS``)."""

import datetime
import json

import pytest

from django.test import override_settings
from django.utils import timezone

from wagtail.models import ModelLogEntry

from membership import personal_data
from membership.decisions import REJECT_ACTION, accept, reject
from membership.models import ApplicationStatus, MembershipApplication
from partners.models import Partner

from ..factories.membership import MembershipApplicationFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now()
APPLICATIONS = "membership.MembershipApplication"
LOG_ENTRIES = "wagtailcore.ModelLogEntry"


def decided(days_ago, status, **fields):
    application = MembershipApplicationFactory(**fields)
    MembershipApplication.objects.filter(pk=application.pk).update(
        status=status, decided_at=NOW - datetime.timedelta(days=days_ago)
    )
    return application


def log_entries(application):
    return ModelLogEntry.objects.filter(object_id=str(application.pk), content_type__model="membershipapplication")


@override_settings(MEMBERSHIP_REJECTED_RETENTION_DAYS=365)
def test_purge_removes_rejected_applications_past_the_retention_period_with_their_log(admin_user):
    expired = MembershipApplicationFactory()
    reject(expired, admin_user, "Spoza województwa.")
    MembershipApplication.objects.filter(pk=expired.pk).update(decided_at=NOW - datetime.timedelta(days=366))
    recent = decided(364, ApplicationStatus.REJECTED)
    old_member = decided(3000, ApplicationStatus.ACCEPTED)
    waiting = MembershipApplicationFactory(submitted_at=NOW - datetime.timedelta(days=3000))

    removed = personal_data.purge_expired(NOW)

    assert removed == {APPLICATIONS: 1, LOG_ENTRIES: 1}
    assert set(MembershipApplication.objects.values_list("pk", flat=True)) == {recent.pk, old_member.pk, waiting.pk}
    assert not log_entries(expired).exists()
    assert personal_data.purge_expired(NOW) == {APPLICATIONS: 0, LOG_ENTRIES: 0}


@override_settings(MEMBERSHIP_REJECTED_RETENTION_DAYS=30)
def test_the_retention_period_is_read_from_the_settings_at_call_time():
    decided(31, ApplicationStatus.REJECTED)

    assert personal_data.purge_expired(NOW)[APPLICATIONS] == 1


def test_export_gives_every_application_with_the_address_as_json_ready_data():
    mine = MembershipApplicationFactory(email="Anna@Example.org", motivation="Chcemy działać.")
    decided(10, ApplicationStatus.REJECTED, email="anna@example.org")
    MembershipApplicationFactory(email="ktos@example.org")

    exported = personal_data.export(" anna@example.ORG ")

    assert json.loads(json.dumps(exported)) == exported
    records = exported[APPLICATIONS]
    assert len(records) == 2
    assert records[0]["pk"] == mine.pk
    assert records[0]["fields"]["motivation"] == "Chcemy działać."
    assert records[0]["fields"]["consent_text"] == mine.consent_text
    assert records[0]["fields"]["submission_token"] == str(mine.submission_token)
    assert personal_data.export("nikt@example.org") == {APPLICATIONS: []}


def test_erase_removes_pending_and_rejected_applications_and_blanks_an_accepted_ones_contact(admin_user):
    waiting = MembershipApplicationFactory(email="anna@example.org")
    rejected = MembershipApplicationFactory(email="anna@example.org")
    reject(rejected, admin_user, "Niepełne dane.")
    member = accept(
        MembershipApplicationFactory(email="ANNA@example.org", institution_name="Fundacja Trwała"), admin_user
    )
    other = MembershipApplicationFactory(email="ktos@example.org")

    counts = personal_data.erase("anna@example.org")

    assert counts == {APPLICATIONS: 2, LOG_ENTRIES: 1, personal_data.CONTACTS_ERASED: 1}
    assert not MembershipApplication.objects.filter(pk__in=[waiting.pk, rejected.pk]).exists()
    assert not ModelLogEntry.objects.filter(action=REJECT_ACTION).exists()
    member.refresh_from_db()
    assert (member.contact_name, member.email, member.phone) == ("", "", "")
    # The institution's membership record stays, with its partner and its decision.
    assert (member.institution_name, member.status, member.nip) == ("Fundacja Trwała", "accepted", "1234563218")
    assert Partner.objects.filter(pk=member.partner_id).exists() and log_entries(member).exists()
    assert MembershipApplication.objects.get(pk=other.pk).email == "ktos@example.org"
    assert personal_data.export("anna@example.org") == {APPLICATIONS: []}


@pytest.mark.parametrize("email", ["", "   ", None])
def test_erase_of_no_address_touches_nothing(email):
    MembershipApplicationFactory()

    assert personal_data.erase(email) == {APPLICATIONS: 0, LOG_ENTRIES: 0, personal_data.CONTACTS_ERASED: 0}
    assert MembershipApplication.objects.count() == 1
