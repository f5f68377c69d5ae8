"""What the membership app stores about a person, for ``purge_personal_data`` and the admin's data-subject
requests (``settings.PERSONAL_DATA_HANDLERS``).

An application names an institution, but also a contact person (name, e-mail, phone) and the representative.
- Rejected applications are removed ``MEMBERSHIP_REJECTED_RETENTION_DAYS`` after their decision.
- Accepted applications are kept: they are the record of the institution's accession (the declaration its
  representative signed), for as long as it is a member; erasing a contact person blanks only their contact.
- Applications not yet decided are kept until decided; erasing removes them (the declaration cannot be
  considered without a contact).
The decision log entries of a removed application go with it: they repeat its name and the reason for rejection.
"""

import datetime
import json

from django.conf import settings
from django.core import serializers
from django.db import transaction

from wagtail.models import ModelLogEntry

from .applications import ApplicationStatus, MembershipApplication

APPLICATIONS = MembershipApplication._meta.label
LOG_ENTRIES = ModelLogEntry._meta.label
# Accepted applications whose contact person was erased: kept, so counted apart from the rows removed.
CONTACTS_ERASED = f"{APPLICATIONS} (contact erased)"
# The personal contact of an accepted application, blanked on erasure; the institution's data stays.
CONTACT_FIELDS = ("contact_name", "email", "phone")


def _delete_with_log(applications):
    """Delete ``applications`` and their log entries; ``{label: rows removed}`` for those that were there."""
    ids = [str(pk) for pk in applications.values_list("pk", flat=True)]
    log_entries = ModelLogEntry.objects.filter(
        content_type__app_label="membership", content_type__model="membershipapplication", object_id__in=ids
    )
    removed_log, _ = log_entries.delete()
    removed, _ = MembershipApplication.objects.filter(pk__in=ids).delete()
    return {APPLICATIONS: removed, LOG_ENTRIES: removed_log}


@transaction.atomic
def purge_expired(now):
    """Remove rejected applications decided more than ``MEMBERSHIP_REJECTED_RETENTION_DAYS`` before ``now``."""
    cutoff = now - datetime.timedelta(days=settings.MEMBERSHIP_REJECTED_RETENTION_DAYS)
    expired = MembershipApplication.objects.filter(status=ApplicationStatus.REJECTED, decided_at__lt=cutoff)
    return _delete_with_log(expired)


def _for_address(email):
    return MembershipApplication.objects.filter(email__iexact=(email or "").strip())


def export(email):
    """Every application giving ``email`` as its contact, each with all its fields, as JSON-ready data."""
    applications = _for_address(email).order_by("submitted_at", "pk")
    return {APPLICATIONS: json.loads(serializers.serialize("json", applications))}


@transaction.atomic
def erase(email):
    """Remove the applications giving ``email`` that are pending or rejected; blank the contact person's name,
    e-mail and phone in accepted ones (the institution's membership record stays)."""
    if not (email or "").strip():
        return {APPLICATIONS: 0, LOG_ENTRIES: 0, CONTACTS_ERASED: 0}
    applications = _for_address(email)
    counts = _delete_with_log(applications.exclude(status=ApplicationStatus.ACCEPTED))
    counts[CONTACTS_ERASED] = applications.update(**dict.fromkeys(CONTACT_FIELDS, ""))
    return counts
