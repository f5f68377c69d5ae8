"""Review before publishing: Editors and Translators submit, Moderators approve or send back with a comment,
and Wagtail e-mails the people involved."""

import pytest

from django.core import mail
from django.urls import reverse

from wagtail.models import Page, TaskState, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, streamfield

from editorial.workflow import WORKFLOW_NAME
from home.models import StandardPage

from .utils import translate_string

pytestmark = pytest.mark.django_db


@pytest.fixture
def polish_home(locale_pl):
    return Page.objects.get(locale=locale_pl, depth=2)


def submit_new_polish_page(client, editor, polish_home):
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:add", args=["home", "standardpage", polish_home.pk])
    data = nested_form_data(
        {
            "title": "Walne zebranie",
            "slug": "walne-zebranie",
            "intro": "",
            "body": streamfield([]),
            "action-submit": "1",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302
    return StandardPage.objects.get(slug="walne-zebranie", locale=polish_home.locale)


def current_task_state(page):
    return WorkflowState.objects.for_instance(page).get(status=WorkflowState.STATUS_IN_PROGRESS).current_task_state


def workflow_action(client, page, action, **data):
    task_state = current_task_state(page)
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, data)


def test_both_home_pages_carry_the_secretarys_approval_workflow(locale_pl, locale_en):
    for locale in (locale_pl, locale_en):
        home = Page.objects.get(locale=locale, depth=2)
        assert home.get_workflow().name == WORKFLOW_NAME
        assert home.get_children().first().get_workflow().name == WORKFLOW_NAME


def test_editor_submission_waits_for_review_and_notifies_the_moderators(
    client, editor, moderator, polish_home, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = submit_new_polish_page(client, editor, polish_home)

    assert not page.live
    assert page.workflow_in_progress
    assert TaskState.objects.reviewable_by(moderator).filter(pk=current_task_state(page).pk).exists()
    notified = [message for message in mail.outbox if moderator.email in message.to]
    assert len(notified) == 1
    assert "Walne zebranie" in notified[0].subject
    assert not [message for message in mail.outbox if editor.email in message.to]


def test_moderator_approval_publishes_and_tells_the_editor(
    client, editor, moderator, polish_home, django_capture_on_commit_callbacks
):
    page = submit_new_polish_page(client, editor, polish_home)
    mail.outbox.clear()
    client.force_login(moderator)

    with django_capture_on_commit_callbacks(execute=True):
        response = workflow_action(client, page, "approve")

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    assert not page.workflow_in_progress
    assert WorkflowState.objects.for_instance(page).get().status == WorkflowState.STATUS_APPROVED
    assert [message.to for message in mail.outbox] == [[editor.email]]


def test_moderator_rejection_with_a_comment_keeps_the_page_unpublished_and_tells_the_editor(
    client, editor, moderator, polish_home, django_capture_on_commit_callbacks
):
    page = submit_new_polish_page(client, editor, polish_home)
    mail.outbox.clear()
    client.force_login(moderator)

    with django_capture_on_commit_callbacks(execute=True):
        response = workflow_action(client, page, "reject", comment="Proszę dodać datę zebrania.")

    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    state = WorkflowState.objects.for_instance(page).get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.get_comment() == "Proszę dodać datę zebrania."
    assert [message.to for message in mail.outbox] == [[editor.email]]
    assert "Proszę dodać datę zebrania." in mail.outbox[0].body


def test_editor_cannot_approve_their_own_submission(client, editor, polish_home):
    page = submit_new_polish_page(client, editor, polish_home)

    workflow_action(client, page, "approve")

    page.refresh_from_db()
    assert not page.live
    assert page.workflow_in_progress


def test_translator_submits_an_edited_translation_for_review_without_touching_the_live_page(
    client, translator, moderator, english_about, django_capture_on_commit_callbacks
):
    client.force_login(translator)
    translate_string(client, english_about, source_text="O Partnerstwie", value="About the Lublin Partnership")
    url = reverse("editorial:submit_for_review", args=[english_about.pk])

    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)

    assert response.status_code == 302
    english_about.refresh_from_db()
    assert english_about.workflow_in_progress
    assert english_about.title == "About the Partnership"  # the live page waits for the review
    assert [message for message in mail.outbox if moderator.email in message.to]

    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(client, english_about, "approve")
    english_about.refresh_from_db()
    assert english_about.live
    assert english_about.title == "About the Lublin Partnership"


def test_translator_cannot_submit_a_polish_page_for_review(client, translator, polish_about):
    polish_about.save_revision()
    client.force_login(translator)

    response = client.post(reverse("editorial:submit_for_review", args=[polish_about.pk]))

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    polish_about.refresh_from_db()
    assert not polish_about.workflow_in_progress
