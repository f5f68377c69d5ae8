"""The membership app took the accession page and the applications over from the documents app: a database in
the schema from before (documents 0002, no membership app) keeps every row, page type and right once migrated.

Only the two apps' own migrations run, backwards and forwards, on the loaded test database. PostgreSQL rolls
the schema changes back with the test's transaction; SQLite cannot change a schema inside one, so there the
test is transactional and the loaded site is put back after it.
"""

import uuid

import pytest

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from wagtail.models import ModelLogEntry, Page

from membership.decisions import ACCEPT_ACTION
from membership.models import AccessionPage, ApplicationStatus, MembershipApplication
from partners.models import Partner

from .conftest import migrate, old_accepted_application

BEFORE_MEMBERSHIP = ("documents", "0002_quote_source_language")
TRANSACTIONAL = connection.vendor == "sqlite"


def old_schema(executor):
    """The models as they were before the membership app, with every other app at its latest state."""
    others = [node for node in executor.loader.graph.leaf_nodes() if node[0] not in ("documents", "membership")]
    return executor.loader.project_state([BEFORE_MEMBERSHIP, *others]).apps


def fill_the_old_schema(apps):
    """An accepted application with its partner, its decider and its log entry, and a group allowed to decide."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    User = apps.get_model("auth", "User")
    Locale = apps.get_model("wagtailcore", "Locale")
    application_type, _ = ContentType.objects.get_or_create(app_label="documents", model="membershipapplication")
    decide, _ = Permission.objects.get_or_create(
        content_type=application_type,
        codename="change_membershipapplication",
        defaults={"name": "Can change membership application"},
    )
    secretary = User.objects.create(username="sekretarz-migracji", is_active=True, is_staff=True)
    group = apps.get_model("auth", "Group").objects.create(name="Sekretariat (migracja)")
    group.permissions.add(decide)
    secretary.groups.add(group)
    partner = apps.get_model("partners", "Partner").objects.create(
        name="Spółdzielnia Socjalna Migracja",
        slug="spoldzielnia-socjalna-migracja",
        sector="social_economy",
        social_economy_kind="social_cooperative",
        locale=Locale.objects.get(language_code="pl"),
        translation_key=uuid.uuid4(),
        live=False,
    )
    application = old_accepted_application(
        apps.get_model("documents", "MembershipApplication"),
        institution_name="Spółdzielnia Socjalna Migracja",
        sector="social_economy",
        social_economy_kind="social_cooperative",
        legal_form="spółdzielnia socjalna",
        email="biuro@migracja.example.org",
        phone="81 000 00 00",
        decided_by=secretary,
        partner=partner,
    )
    apps.get_model("wagtailcore", "ModelLogEntry").objects.create(
        content_type=application_type,
        object_id=str(application.pk),
        label=application.institution_name,
        action="documents.application.accept",
        user=secretary,
        timestamp=timezone.now(),
        data={"partner_id": partner.pk},
    )
    return {"application": application.pk, "partner": partner.pk, "user": secretary.pk, "group": group.pk}


def accession_pages(apps):
    Page = apps.get_model("wagtailcore", "Page")
    return {page.pk: page.content_type.app_label for page in Page.objects.filter(content_type__model="accessionpage")}


@pytest.mark.django_db(transaction=TRANSACTIONAL)
def test_the_membership_migrations_keep_the_rows_page_types_and_rights_of_a_database_in_the_old_schema():
    User = get_user_model()
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    try:
        migrate(executor, [BEFORE_MEMBERSHIP, ("membership", None)])
        apps = old_schema(executor)
        pages = accession_pages(apps)
        assert set(pages.values()) == {"documents"} and len(pages) == 2  # Polish and English, as loaded
        assert "documents_membershipapplication" in connection.introspection.table_names()
        added = fill_the_old_schema(apps)
        # PostgreSQL checks foreign keys at commit; a table with checks pending cannot be altered.
        connection.check_constraints()

        migrate(executor, latest)

        tables = connection.introspection.table_names()
        assert "membership_membershipapplication" in tables and "membership_accessionpage" in tables
        assert "documents_membershipapplication" not in tables and "documents_accessionpage" not in tables
        application = MembershipApplication.objects.get(pk=added["application"])
        assert (application.institution_name, application.krs, application.status) == (
            "Spółdzielnia Socjalna Migracja",
            "0000123456",
            ApplicationStatus.ACCEPTED,
        )
        assert application.partner == Partner.objects.get(pk=added["partner"])
        assert application.decided_by_id == added["user"]

        for page in Page.objects.filter(pk__in=pages):
            assert page.specific_class is AccessionPage
            assert isinstance(page.specific, AccessionPage) and page.specific.intro
            assert isinstance(page.get_latest_revision().as_object(), AccessionPage)
        assert not ContentType.objects.filter(
            app_label="documents", model__in=["accessionpage", "membershipapplication"]
        )

        entry = ModelLogEntry.objects.get(object_id=str(application.pk), user_id=added["user"])
        assert entry.action == ACCEPT_ACTION
        assert entry.content_type.model_class() is MembershipApplication
        secretary = User.objects.get(pk=added["user"])
        assert secretary.has_perm("membership.change_membershipapplication")
    finally:
        migrate(executor, latest)
