"""Editors compose, preview and send newsletter issues; the other roles do not send, and no role sees the
subscribers' personal data. Existing installations get the sending right from a data migration."""

import importlib

import pytest

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from editorial.roles import EDITORS, MODERATORS, TRANSLATORS

from ..factories.newsletter import NewsletterIssueFactory, SubscriberFactory
from .test_permissions import assert_permission_denied

pytestmark = pytest.mark.django_db

SEND = "send_newsletterissue"


def send_url(issue):
    return reverse(issue.snippet_viewset.get_url_name("send"), args=[issue.pk])


def confirm_url(issue):
    return reverse(issue.snippet_viewset.get_url_name("confirm_send"), args=[issue.pk])


def preview_url(issue):
    return reverse(issue.snippet_viewset.get_url_name("preview_email"), args=[issue.pk])


def codenames(group_name):
    return set(Group.objects.get(name=group_name).permissions.values_list("codename", flat=True))


@pytest.fixture
def polish_issue(locale_pl):
    SubscriberFactory.create_batch(2, language="pl", confirmed=True)
    return NewsletterIssueFactory(locale=locale_pl)


def test_an_editor_previews_and_sends_an_issue(
    client, editor, polish_issue, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(editor)

    page = client.get(send_url(polish_issue))
    assert page.status_code == 200
    assert f'href="{confirm_url(polish_issue)}"'.encode() in page.content
    assert client.get(preview_url(polish_issue)).status_code == 200
    assert client.get(confirm_url(polish_issue)).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(confirm_url(polish_issue))

    assert (sent.status_code, sent.url) == (302, send_url(polish_issue))
    assert len(mailoutbox) == 2
    polish_issue.refresh_from_db()
    assert polish_issue.send_requested_at is not None


def test_a_translator_sees_the_progress_but_cannot_send(
    client, translator, polish_issue, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(translator)

    page = client.get(send_url(polish_issue))
    assert page.status_code == 200
    assert confirm_url(polish_issue).encode() not in page.content
    assert_permission_denied(client.get(confirm_url(polish_issue)))
    with django_capture_on_commit_callbacks(execute=True):
        assert_permission_denied(client.post(confirm_url(polish_issue)))

    assert mailoutbox == []
    polish_issue.refresh_from_db()
    assert polish_issue.send_requested_at is None


def test_a_moderator_cannot_open_the_send_page(client, moderator, polish_issue, mailoutbox):
    client.force_login(moderator)

    assert_permission_denied(client.get(send_url(polish_issue)))
    assert_permission_denied(client.get(confirm_url(polish_issue)))
    assert_permission_denied(client.post(confirm_url(polish_issue)))
    assert mailoutbox == []


def test_the_data_migration_gives_editors_the_sending_right_on_an_existing_installation():
    """An installation migrated before this change: Editors lack the right, and its permission row may not even
    exist yet when the migration runs (Django makes permissions after the last migration)."""
    editors = Group.objects.get(name=EDITORS)
    Permission.objects.filter(codename=SEND).delete()
    # A right withdrawn by hand elsewhere stays withdrawn: the migration touches newsletter issues only.
    editors.permissions.remove(Permission.objects.get(codename="change_contactdetails"))
    migration = importlib.import_module("editorial.migrations.0002_editors_send_newsletter")

    migration.grant_newsletter_issue_rights(apps, schema_editor=None)

    assert editors.permissions.filter(codename=SEND, content_type__app_label="newsletter").exists()
    assert "change_contactdetails" not in codenames(EDITORS)
    assert SEND not in codenames(TRANSLATORS) | codenames(MODERATORS)
    before = {group: codenames(group) for group in (EDITORS, TRANSLATORS, MODERATORS)}
    migration.grant_newsletter_issue_rights(apps, schema_editor=None)
    assert {group: codenames(group) for group in before} == before
