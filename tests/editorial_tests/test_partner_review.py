"""Partners go through the workflow "Akceptacja sekretarza" like pages: a Translator's change to an English partner
is submitted for review and stays off the live partner; a Moderator approves it (which publishes it) or requests
changes from the partner's own editor; a Translator cannot publish it past the review. Editors still publish
Polish partners directly, as publishers may."""

import pytest

from django.urls import reverse

from wagtail.models import WorkflowContentType, WorkflowState
from wagtail_localize.models import Translation

from editorial.board import IN_REVIEW, TranslationBoard
from editorial.workflow import WORKFLOW_NAME
from partners.models import Partner

from .utils import translate_string

pytestmark = pytest.mark.django_db

NEW_NAME = "Lubelska Spółdzielnia Socjalna KOZIOŁEK (reviewed)"


def live_partner(partner):
    return Partner.objects.get(pk=partner.pk)


def edit_url(partner):
    return reverse(partner.snippet_viewset.get_url_name("edit"), args=[partner.pk])


def form_data(client, partner, **changes):
    """The partner's edit form as the editor shows it, with ``changes``: what a browser would post."""
    form = client.get(edit_url(partner)).context["form"]
    data = {}
    for field in form:
        value = field.value()
        if value is None or value is False:
            continue
        if hasattr(field.field.widget, "converter"):  # rich text: the editor posts its own format
            value = field.field.widget.format_value(value)
        data[field.html_name] = "on" if value is True else value
    data.update(changes)
    return data


@pytest.fixture
def english_partner(locale_en):
    """The English Koziołek, edited in Wagtail's snippet editor (its synced translation is stopped)."""
    partner = Partner.objects.get(locale=locale_en, slug__icontains="koziolek")
    Translation.objects.filter(source__object_id=partner.translation_key, target_locale=locale_en).update(enabled=False)
    return partner


@pytest.fixture
def submitted(client, translator, english_partner):
    """The Translator's change to the English partner, submitted for review."""
    client.force_login(translator)
    response = client.post(
        edit_url(english_partner), form_data(client, english_partner, name=NEW_NAME, **{"action-submit": "1"})
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    client.logout()
    return english_partner


def test_partners_have_the_workflow():
    assert Partner.get_default_workflow().name == WORKFLOW_NAME
    assert WorkflowContentType.objects.filter(content_type__model="partner", workflow__name=WORKFLOW_NAME).exists()


def test_a_translators_main_button_is_submit_and_there_is_no_publish(client, translator, english_partner):
    client.force_login(translator)

    response = client.get(edit_url(english_partner))

    items = response.context["action_menu"].menu_items
    names = [response.context["action_menu"].default_item.name] + [item.name for item in items]
    assert names[0] == "action-submit"
    assert "action-publish" not in names
    assert WORKFLOW_NAME in response.content.decode()


def test_a_translators_change_is_submitted_and_the_live_partner_stays(submitted, english_partner):
    live = live_partner(english_partner)
    state = WorkflowState.objects.for_instance(live).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert live.name != NEW_NAME
    assert live.live_revision_id != live.latest_revision_id
    assert live.get_latest_revision_as_object().name == NEW_NAME


def test_a_moderator_sees_approve_first_in_the_partners_editor(client, moderator, submitted):
    client.force_login(moderator)

    response = client.get(edit_url(submitted))

    menu = response.context["action_menu"]
    names = [menu.default_item.name] + [item.name for item in menu.menu_items]
    assert names[0] == "approve"
    assert "reject" in names
    assert "action-publish" not in names


def workflow_action(client, partner, action):
    task_state = live_partner(partner).current_workflow_task_state
    data = form_data(client, partner, **{"action-workflow-action": "1", "workflow-action-name": action})
    response = client.post(edit_url(partner), data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    task_state.refresh_from_db()
    return task_state


def test_a_moderators_approval_publishes_the_partner(client, moderator, submitted):
    client.force_login(moderator)

    task_state = workflow_action(client, submitted, "approve")

    assert task_state.status == task_state.STATUS_APPROVED
    live = live_partner(submitted)
    assert live.name == NEW_NAME
    assert live.live_revision_id == live.latest_revision_id
    assert WorkflowState.objects.for_instance(live).get().status == WorkflowState.STATUS_APPROVED


def test_a_moderators_request_for_changes_leaves_the_partner_unpublished(client, moderator, submitted):
    client.force_login(moderator)

    task_state = workflow_action(client, submitted, "reject")

    assert task_state.status == task_state.STATUS_REJECTED
    live = live_partner(submitted)
    assert live.name != NEW_NAME
    assert live.has_unpublished_changes
    assert WorkflowState.objects.for_instance(live).get().status == WorkflowState.STATUS_NEEDS_CHANGES


def test_a_translators_publish_is_refused(client, translator, english_partner):
    client.force_login(translator)
    name_before = english_partner.name
    revision_before = english_partner.live_revision_id

    response = client.post(
        edit_url(english_partner), form_data(client, english_partner, name=NEW_NAME, **{"action-publish": "1"})
    )

    assert response.status_code in (200, 302)
    live = live_partner(english_partner)
    assert live.name == name_before
    assert live.live_revision_id == revision_before


def test_an_editor_still_publishes_a_polish_partner_directly(client, editor, locale_pl):
    partner = Partner.objects.get(locale=locale_pl, slug__icontains="koziolek")
    client.force_login(editor)

    response = client.post(
        edit_url(partner), form_data(client, partner, short_name="KOZIOŁEK LSS", **{"action-publish": "1"})
    )

    assert response.status_code == 302, response.context["form"].errors if response.context else response
    live = live_partner(partner)
    assert live.short_name == "KOZIOŁEK LSS"
    assert not WorkflowState.objects.for_instance(live).exists()


# The English partners of the seed content are synced translations: they open in wagtail-localize's translation
# editor, which cannot start a workflow; the project's submit view and review editor cover them.


@pytest.fixture
def synced_english_partner(locale_en):
    return Partner.objects.get(locale=locale_en, slug__icontains="koziolek")


@pytest.fixture
def synced_submitted(client, translator, synced_english_partner, locale_pl):
    """A Translator translates the synced partner's name and submits it from the translation editor."""
    polish = synced_english_partner.get_translation(locale_pl)
    client.force_login(translator)
    translate_string(client, synced_english_partner, polish.name, NEW_NAME)
    editor = client.get(edit_url(synced_english_partner))
    submit = reverse("editorial:submit_snippet_for_review", args=["partners", "partner", synced_english_partner.pk])
    assert submit in editor.content.decode()  # the translation editor's main button
    response = client.post(submit)
    assert response.status_code == 302
    client.logout()
    return synced_english_partner


def test_a_translator_submits_a_synced_partner_and_the_live_partner_stays(synced_submitted):
    live = live_partner(synced_submitted)
    assert WorkflowState.objects.for_instance(live).get().status == WorkflowState.STATUS_IN_PROGRESS
    assert live.name != NEW_NAME
    assert live.get_latest_revision_as_object().name == NEW_NAME


def test_a_moderator_reviews_a_synced_partner_in_wagtails_editor_and_approves_it(client, moderator, synced_submitted):
    client.force_login(moderator)

    response = client.get(edit_url(synced_submitted))

    menu = response.context["action_menu"]  # Wagtail's snippet editor, not wagtail-localize's
    assert menu.default_item.name == "approve"
    task_state = workflow_action(client, synced_submitted, "approve")
    assert task_state.status == task_state.STATUS_APPROVED
    assert live_partner(synced_submitted).name == NEW_NAME


def test_a_synced_partner_cannot_be_submitted_twice(client, translator, synced_submitted):
    client.force_login(translator)

    response = client.post(
        reverse("editorial:submit_snippet_for_review", args=["partners", "partner", synced_submitted.pk])
    )

    assert response.status_code == 302
    assert WorkflowState.objects.for_instance(synced_submitted).count() == 1


def test_a_submitted_synced_partner_is_in_review_on_the_board_and_opens_for_its_translator(
    client, translator, synced_submitted, locale_pl
):
    polish = synced_submitted.get_translation(locale_pl)
    row = next(row for row in TranslationBoard().rows if isinstance(row.source, Partner) and row.source.pk == polish.pk)
    assert row.state == IN_REVIEW
    client.force_login(translator)

    response = client.get(edit_url(synced_submitted))

    assert response.status_code == 200
    assert WORKFLOW_NAME in response.content.decode()  # Wagtail's status panel shows the review
    menu = response.context["action_menu"]
    names = [menu.default_item.name] + [item.name for item in menu.menu_items]
    assert names == ["action-save", "action-cancel-workflow"]  # Wagtail's choices for a submitter: no publishing


def test_a_synced_partner_sent_back_for_changes_opens_for_its_translator_who_resubmits(
    client, translator, moderator, synced_submitted
):
    client.force_login(moderator)
    workflow_action(client, synced_submitted, "reject")
    client.force_login(translator)

    response = client.get(edit_url(synced_submitted))

    assert response.status_code == 200
    menu = response.context["action_menu"]
    assert menu.default_item.name == "action-submit"  # "Resubmit to Akceptacja sekretarza"
    response = client.post(edit_url(synced_submitted), form_data(client, synced_submitted, **{"action-submit": "1"}))
    assert response.status_code == 302
    state = WorkflowState.objects.for_instance(synced_submitted).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert live_partner(synced_submitted).name != NEW_NAME
