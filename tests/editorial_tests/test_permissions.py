"""A Translator writes English and never the Polish source; an Editor writes Polish; nobody publishes a page
without review. Every answer comes from Wagtail's permission system (page tree, permission policies)."""

import pytest

from django.contrib.messages import ERROR, get_messages
from django.urls import reverse
from django.utils import translation

from wagtail.models import Page
from wagtail.permissions import policy_registry

from editorial.permissions import LanguageScopedPermissionPolicy
from home.models import ContactDetails, StandardPage

pytestmark = pytest.mark.django_db


def denied_messages():
    text = "Sorry, you do not have permission to access this area."
    found = set()
    for language in ("pl", "en"):
        with translation.override(language):
            found.add(translation.gettext(text))
    return found


def assert_permission_denied(response):
    """Wagtail's admin answers a refused request with a redirect to the dashboard and an error message
    (and with a 403 to a script); the request changes nothing."""
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    messages = [m for m in get_messages(response.wsgi_request) if m.level == ERROR]
    assert [str(m) for m in messages] and str(messages[0]).strip() in denied_messages()


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def snippet_edit_url(instance):
    return reverse(instance.snippet_viewset.get_url_name("edit"), args=[instance.pk])


def test_translator_is_refused_the_polish_page_editor(client, translator, polish_about):
    client.force_login(translator)

    assert_permission_denied(client.get(edit_url(polish_about)))


def test_translator_cannot_save_or_publish_a_polish_page(client, translator, polish_about):
    client.force_login(translator)
    title_before = polish_about.title

    for action in ({}, {"action-publish": "1"}):
        response = client.post(edit_url(polish_about), {"title": "Zmieniony", "slug": polish_about.slug, **action})
        assert_permission_denied(response)

    polish_about.refresh_from_db()
    assert polish_about.title == title_before
    assert polish_about.get_latest_revision().user is None
    script = client.post(
        edit_url(polish_about), {"action-publish": "1"}, headers={"x-requested-with": "XMLHttpRequest"}
    )
    assert script.status_code == 403


def test_translator_can_edit_but_not_publish_the_english_page(client, translator, english_about, polish_about):
    client.force_login(translator)

    assert client.get(edit_url(english_about)).status_code == 200
    english_permissions = english_about.permissions_for_user(translator)
    assert english_permissions.can_edit()
    assert not english_permissions.can_publish()
    assert english_permissions.can_submit_for_moderation()
    assert not polish_about.permissions_for_user(translator).can_edit()


def test_translator_can_translate_through_wagtail_localize(client, translator, polish_about):
    client.force_login(translator)

    response = client.get(reverse("wagtail_localize:submit_page_translation", args=[polish_about.pk]))

    assert response.status_code == 200


def test_editor_edits_polish_pages_but_not_english_ones(client, editor, polish_about, english_about):
    client.force_login(editor)

    assert client.get(edit_url(polish_about)).status_code == 200
    assert_permission_denied(client.get(edit_url(english_about)))
    assert not polish_about.permissions_for_user(editor).can_publish()


def test_editor_cannot_translate(client, editor, polish_about):
    client.force_login(editor)

    response = client.get(reverse("wagtail_localize:submit_page_translation", args=[polish_about.pk]))

    assert_permission_denied(response)


def test_translator_is_refused_the_polish_contact_details_but_edits_the_english(
    client, translator, locale_pl, locale_en
):
    client.force_login(translator)
    polish = ContactDetails.objects.get(locale=locale_pl)
    english = ContactDetails.objects.get(locale=locale_en)

    assert_permission_denied(client.get(snippet_edit_url(polish)))
    assert_permission_denied(client.post(snippet_edit_url(polish), {"phone": "000"}))
    assert client.get(snippet_edit_url(english)).status_code == 200


def test_translator_cannot_add_or_delete_snippets(client, translator, locale_pl, locale_en):
    client.force_login(translator)
    viewset = ContactDetails.snippet_viewset
    english = ContactDetails.objects.get(locale=locale_en)

    assert_permission_denied(client.get(reverse(viewset.get_url_name("add")) + "?locale=en"))
    assert_permission_denied(client.get(reverse(viewset.get_url_name("delete"), args=[english.pk])))


def test_editor_is_refused_english_contact_details_and_creating_them(client, editor, locale_pl, locale_en):
    client.force_login(editor)
    viewset = ContactDetails.snippet_viewset

    assert client.get(snippet_edit_url(ContactDetails.objects.get(locale=locale_pl))).status_code == 200
    assert_permission_denied(client.get(snippet_edit_url(ContactDetails.objects.get(locale=locale_en))))
    assert_permission_denied(client.get(reverse(viewset.get_url_name("add")) + "?locale=en"))


def test_moderator_cannot_edit_pages_outside_a_review(client, moderator, polish_about, english_about):
    client.force_login(moderator)

    assert_permission_denied(client.get(edit_url(polish_about)))
    assert_permission_denied(client.get(edit_url(english_about)))


def test_a_new_translation_starts_as_a_draft_awaiting_review(
    client, translator, locale_pl, locale_en, django_capture_on_commit_callbacks
):
    home = Page.objects.get(locale=locale_pl, depth=2)
    polish = home.add_child(instance=StandardPage(title="Walne zebranie", slug="walne-zebranie"))
    polish.save_revision().publish()
    client.force_login(translator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtail_localize:submit_page_translation", args=[polish.pk]), {"locales": [locale_en.pk]}
        )

    assert response.status_code == 302
    english = polish.get_translation(locale_en)
    assert not english.live
    assert english.permissions_for_user(translator).can_edit()


def test_translatable_snippets_get_the_language_scoped_policy():
    assert isinstance(policy_registry.get_by_type(ContactDetails), LanguageScopedPermissionPolicy)
