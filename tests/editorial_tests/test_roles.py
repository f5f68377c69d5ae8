"""The roles exist on every installation: created by a migration, completed by load_content."""

import pytest

from django.contrib.auth.models import Group

from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page, WorkflowPage

from editorial.roles import EDITORS, MODERATORS, TRANSLATORS
from editorial.workflow import WORKFLOW_NAME

pytestmark = pytest.mark.django_db


def test_the_roles_exist_after_migrate_on_an_empty_database(database_as_migrated):
    def rows(sql):
        with database_as_migrated.cursor() as cursor:
            cursor.execute(sql)
            return cursor.fetchall()

    groups = {name for (name,) in rows("SELECT name FROM auth_group")}
    rights = set(
        rows(
            "SELECT g.name, p.codename FROM auth_group_permissions gp "
            "JOIN auth_group g ON g.id = gp.group_id JOIN auth_permission p ON p.id = gp.permission_id"
        )
    )
    root_page_rights = rows(
        "SELECT COUNT(*) FROM wagtailcore_grouppagepermission gp "
        "JOIN wagtailcore_page p ON p.id = gp.page_id WHERE p.depth = 1"
    )[0][0]
    workflows = {name for (name,) in rows("SELECT name FROM wagtailcore_workflow")}
    pages_before_load_content = rows("SELECT COUNT(*) FROM wagtailcore_page")[0][0]

    assert pages_before_load_content < Page.objects.count()

    assert {EDITORS, TRANSLATORS, MODERATORS} <= groups
    assert (EDITORS, "access_admin") in rights
    assert (EDITORS, "change_contactdetails") in rights
    assert {(EDITORS, "change_newsletterissue"), (EDITORS, "send_newsletterissue")} <= rights
    assert (TRANSLATORS, "send_newsletterissue") not in rights
    assert (TRANSLATORS, "submit_translation") in rights
    assert (TRANSLATORS, "change_contactdetails") in rights
    assert (TRANSLATORS, "add_contactdetails") not in rights
    assert (EDITORS, "submit_translation") not in rights  # Wagtail's stock grant, withdrawn
    assert root_page_rights == 0  # Wagtail's stock rights on the root span both languages: withdrawn
    assert WORKFLOW_NAME in workflows


def test_page_rights_are_granted_per_language_on_each_home_page(locale_pl, locale_en):
    home_pl = Page.objects.get(locale=locale_pl, depth=2)
    home_en = Page.objects.get(locale=locale_en, depth=2)

    def rights(group_name, page):
        return set(
            GroupPagePermission.objects.filter(group__name=group_name, page=page).values_list(
                "permission__codename", flat=True
            )
        )

    assert rights(EDITORS, home_pl) == {"add_page", "change_page", "lock_page"}
    assert rights(EDITORS, home_en) == set()
    assert rights(TRANSLATORS, home_en) == {"change_page", "lock_page"}
    assert rights(TRANSLATORS, home_pl) == set()
    assert rights(MODERATORS, home_pl) == rights(MODERATORS, home_en) == {"publish_page", "unlock_page"}
    assert not GroupPagePermission.objects.filter(group__name__in=[EDITORS, TRANSLATORS, MODERATORS], page__depth=1)
    assert WorkflowPage.objects.filter(page__in=[home_pl, home_en], workflow__name=WORKFLOW_NAME).count() == 2


def test_editors_manage_images_and_documents_and_translators_only_choose_them():
    def rights(group_name):
        return set(
            GroupCollectionPermission.objects.filter(group__name=group_name, collection__depth=1).values_list(
                "permission__codename", flat=True
            )
        )

    assert {"add_image", "change_image", "add_document", "change_document"} <= rights(EDITORS)
    assert rights(TRANSLATORS) == {"choose_image", "choose_document"}
    assert rights(MODERATORS) == set()


def test_setting_up_the_roles_again_changes_nothing():
    from django.apps import apps

    from editorial.roles import setup_roles
    from editorial.workflow import setup_workflow

    assert setup_roles(apps) == 0
    assert setup_workflow(apps) == 0
    assert Group.objects.filter(name__in=[EDITORS, TRANSLATORS, MODERATORS]).count() == 3


def test_editors_write_and_send_newsletter_issues_but_never_see_subscribers():
    def rights(group_name):
        return set(Group.objects.get(name=group_name).permissions.values_list("codename", flat=True))

    editors = rights(EDITORS)

    assert {"add_newsletterissue", "change_newsletterissue", "view_newsletterissue", "send_newsletterissue"} <= editors
    assert "send_newsletterissue" not in rights(TRANSLATORS) | rights(MODERATORS)
    assert not {codename for codename in editors if codename.endswith("_subscriber")}
