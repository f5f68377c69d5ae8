"""``partners.0004`` renames a partner's e-mail and phone to its public institutional contact and keeps every
value; ``membership.0003`` then clears, in every language, revision and translation source, the values that
accepting an application had copied from its contact person. Editors' own values stay.

Run backwards and forwards on the loaded test database, as ``test_migrations`` does: transactional on SQLite
(which cannot change a schema inside a transaction), the loaded site put back after the module.
"""

import uuid

import pytest

from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from wagtail.models import Revision

from partners.models import Partner

from .conftest import migrate, old_accepted_application

BEFORE = [("partners", "0003_alter_partnerindexpage_body"), ("membership", "0002_application_address_confirmation")]
TRANSACTIONAL = connection.vendor == "sqlite"
PERSONAL_EMAIL, PERSONAL_PHONE = "anna.nowak@prywatna.example.org", "600 100 200"


def fill_the_old_schema(apps):
    """A partner made from an application (Polish and English), with a revision, and a partner an editor filled."""
    Locale = apps.get_model("wagtailcore", "Locale")
    Partner = apps.get_model("partners", "Partner")
    ContentType = apps.get_model("contenttypes", "ContentType")
    partner_type, _ = ContentType.objects.get_or_create(app_label="partners", model="partner")
    key = uuid.uuid4()
    copied = {
        code: Partner.objects.create(
            name=f"Fundacja Skopiowana {code}",
            slug="fundacja-skopiowana",
            sector="ngo",
            locale=Locale.objects.get(language_code=code),
            translation_key=key,
            email=PERSONAL_EMAIL,
            phone=PERSONAL_PHONE,
            website="https://skopiowana.example.org",
        )
        for code in ("pl", "en")
    }
    institutional = Partner.objects.create(
        name="Fundacja Instytucjonalna",
        slug="fundacja-instytucjonalna",
        sector="ngo",
        locale=Locale.objects.get(language_code="pl"),
        translation_key=uuid.uuid4(),
        email="biuro@instytucjonalna.example.org",
        phone="81 500 00 00",
    )
    for partner in (copied["pl"], institutional):
        apps.get_model("wagtailcore", "Revision").objects.create(
            content_type=partner_type,
            base_content_type=partner_type,
            object_id=str(partner.pk),
            created_at=timezone.now(),
            content={"pk": partner.pk, "name": partner.name, "email": partner.email, "phone": partner.phone},
        )
    old_accepted_application(
        apps.get_model("membership", "MembershipApplication"),
        institution_name="Fundacja Skopiowana",
        sector="ngo",
        legal_form="fundacja",
        email=PERSONAL_EMAIL.upper(),
        phone=PERSONAL_PHONE,
        partner=copied["pl"],
    )
    return {"copied": [p.pk for p in copied.values()], "institutional": institutional.pk}


@pytest.mark.django_db(transaction=TRANSACTIONAL)
def test_contacts_copied_from_applications_are_cleared_and_institutional_ones_kept():
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    try:
        migrate(executor, BEFORE)
        added = fill_the_old_schema(executor.loader.project_state(BEFORE).apps)
        connection.check_constraints()

        migrate(executor, latest)

        for partner in Partner.objects.filter(pk__in=added["copied"]):
            assert (partner.public_email, partner.public_phone) == ("", "")
            assert partner.website == "https://skopiowana.example.org"
        institutional = Partner.objects.get(pk=added["institutional"])
        assert (institutional.public_email, institutional.public_phone) == (
            "biuro@instytucjonalna.example.org",
            "81 500 00 00",
        )
        copied_revision = Revision.objects.get(object_id=str(added["copied"][0]), base_content_type__model="partner")
        assert PERSONAL_EMAIL not in str(copied_revision.content) and PERSONAL_PHONE not in str(copied_revision.content)
        kept_revision = Revision.objects.get(object_id=str(added["institutional"]), base_content_type__model="partner")
        assert kept_revision.content["public_email"] == "biuro@instytucjonalna.example.org"
        assert "email" not in kept_revision.content
    finally:
        migrate(executor, latest)
