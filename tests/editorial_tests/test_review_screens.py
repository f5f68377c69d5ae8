"""What each role sees on the editing screens: the main button is the next step of the review (submit for an
Editor or a Translator, approve for a Moderator, never "Publish" on a page in review), and a live translation
that is out of date or incomplete carries a warning in its editor and in the page explorer."""

import pytest

from django.contrib.messages import get_messages
from django.urls import reverse

from wagtail.rich_text import RichText
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation

from home.content import FORMATION

from .utils import translate_string, translation_of

pytestmark = pytest.mark.django_db


def submit_english_about(client, translator, english_about, django_capture_on_commit_callbacks):
    client.force_login(translator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("editorial:submit_for_review", args=[english_about.pk]))
    assert response.status_code == 302


def change_polish_paragraph(page):
    for index, block in enumerate(page.body):
        if block.block_type == "paragraph" and FORMATION.pl in block.value.source:
            page.body[index] = ("paragraph", RichText("<p>Nowy akapit o powstaniu Partnerstwa.</p>"))
    page.save_revision().publish()


def test_a_moderator_reviews_a_translation_in_wagtails_editor_with_approve_first(
    client, translator, moderator, english_about, django_capture_on_commit_callbacks
):
    submit_english_about(client, translator, english_about, django_capture_on_commit_callbacks)
    client.force_login(moderator)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[english_about.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    assert "js-translation-editor" not in html  # not wagtail-localize's editor, whose only action is publish
    menu = response.context["action_menu"]
    assert menu.default_item.name == "approve"
    assert "action-publish" not in [item.name for item in menu.menu_items]
    assert "reject" in [item.name for item in menu.menu_items]


def test_a_moderator_approves_from_the_editor_and_the_page_goes_live(
    client, translator, moderator, english_about, django_capture_on_commit_callbacks
):
    client.force_login(translator)
    translate_string(client, english_about, source_text="O Partnerstwie", value="About the Lublin Partnership")
    submit_english_about(client, translator, english_about, django_capture_on_commit_callbacks)
    client.force_login(moderator)
    task_state = english_about.current_workflow_task_state

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtailadmin_pages:workflow_action", args=[english_about.pk, "approve", task_state.pk])
        )

    assert response.status_code == 302
    english_about.refresh_from_db()
    assert english_about.live and english_about.title == "About the Lublin Partnership"


def test_an_editors_main_button_is_submit_for_review(client, editor, polish_about):
    client.force_login(editor)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[polish_about.pk]))

    assert response.context["action_menu"].default_item.name == "action-submit"


@pytest.mark.parametrize(
    ("language", "outdated", "untranslated"),
    [("pl", "Nieaktualne", "1 segment nieprzetłumaczony"), ("en", "Out of date", "1 segment untranslated")],
)
def test_a_stale_live_translation_is_flagged_in_its_editor(
    client, translator, polish_about, english_about, language, outdated, untranslated
):
    change_polish_paragraph(polish_about)
    profile = UserProfile.get_for_user(translator)
    profile.preferred_language = language
    profile.save()
    client.force_login(translator)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[english_about.pk]))

    html = response.content.decode()
    assert "data-editorial-translation-warning" in html
    assert outdated in html
    assert untranslated in html


def test_a_translation_with_untranslated_segments_is_flagged_after_the_sync(
    client, translator, polish_about, english_about
):
    change_polish_paragraph(polish_about)
    client.force_login(translator)
    client.post(reverse("wagtail_localize:update_translations", args=[translation_of(english_about).source.pk]), {})

    response = client.get(reverse("wagtailadmin_pages:edit", args=[english_about.pk]))

    assert "data-editorial-translation-warning" in response.content.decode()
    assert response.context["editor"]["warnings"]


def test_an_up_to_date_translation_has_no_warning(client, translator, english_about):
    client.force_login(translator)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[english_about.pk]))

    assert "data-editorial-translation-warning" not in response.content.decode()


def test_the_page_explorer_flags_a_stale_live_translation(client, translator, polish_about, english_about):
    change_polish_paragraph(polish_about)
    client.force_login(translator)

    response = client.get(reverse("wagtailadmin_explore", args=[english_about.get_parent().pk]))

    html = response.content.decode()
    assert html.count("data-editorial-translation-flag") == 1
    assert 'data-editorial-translation-flag="outdated"' in html


def test_a_stale_translation_no_longer_synced_is_flagged_in_wagtails_editor(
    client, translator, polish_about, english_about
):
    Translation.objects.filter(source__object_id=english_about.translation_key).update(enabled=False)
    change_polish_paragraph(polish_about)
    client.force_login(translator)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[english_about.pk]))

    assert "js-translation-editor" not in response.content.decode()
    warnings = [str(message) for message in get_messages(response.wsgi_request)]
    assert len(warnings) == 2  # out of date, and the changed paragraph untranslated


def test_a_polish_page_has_no_translation_warning(client, editor, polish_about):
    change_polish_paragraph(polish_about)
    client.force_login(editor)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[polish_about.pk]))

    assert list(get_messages(response.wsgi_request)) == []
