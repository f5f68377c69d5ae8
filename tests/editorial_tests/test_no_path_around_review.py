"""No path around review: a Translator cannot put anything live. Every side door wagtail-localize and Wagtail offer
(sync with "Publish immediately", convert to alias, stop the sync, the translation editor's publish action,
Wagtail's publish action, publishing a partner) is absent from the Translator's screens and refused when called
directly, and the live content stays as it was. Publishers (Moderators, superusers) keep them."""

import json

import pytest

from django.contrib.messages import ERROR, get_messages
from django.urls import reverse
from django.utils import translation

from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail_localize.models import Translation, TranslationSource

from home.models import StandardPage
from partners.models import Partner

pytestmark = pytest.mark.django_db

INTRO_EN = "Edited straight into the live page."


def assert_refused(response):
    """Wagtail's admin refusal: a redirect to the dashboard with the "no permission" message (403 to a script)."""
    assert response.status_code == 302, response.status_code
    assert response.url == reverse("wagtailadmin_home")
    texts = set()
    for language in ("pl", "en"):
        with translation.override(language):
            texts.add(translation.gettext("Sorry, you do not have permission to access this area."))
    errors = [str(message).strip() for message in get_messages(response.wsgi_request) if message.level == ERROR]
    assert errors and errors[0] in texts


def live_state(page):
    page = Page.objects.get(pk=page.pk).specific
    return page.title, page.live, page.alias_of_id, page.live_revision_id


def source_of(page):
    return TranslationSource.objects.get(object_id=page.translation_key, locale__language_code="pl")


def english_partner():
    return Partner.objects.get(locale__language_code="en", slug__icontains="koziolek")


@pytest.fixture
def changed_polish_about(polish_about):
    """The Polish page changed and published after the last sync: what "Publish immediately" would put live."""
    polish_about.intro = "Zmienione wprowadzenie, jeszcze nieprzetłumaczone."
    polish_about.save_revision().publish()
    return polish_about


def test_translator_cannot_publish_immediately_when_syncing(client, translator, changed_polish_about, english_about):
    client.force_login(translator)
    source = source_of(changed_polish_about)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    synced_before = source.last_updated_at
    live_before = live_state(english_about)

    screen = client.get(url)
    response = client.post(url, {"publish_translations": "on"})

    assert screen.status_code == 200
    assert 'name="publish_translations"' not in screen.content.decode()
    assert_refused(response)
    assert live_state(english_about) == live_before
    assert StandardPage.objects.get(pk=english_about.pk).intro == english_about.intro
    source.refresh_from_db()
    assert source.last_updated_at == synced_before


def test_translator_syncs_without_publishing(client, translator, changed_polish_about, english_about):
    client.force_login(translator)
    source = source_of(changed_polish_about)
    live_before = live_state(english_about)

    response = client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), {})

    assert response.status_code == 302
    assert live_state(english_about) == live_before
    assert client.get(response.url).status_code == 200  # lands on a screen the Translator may open


def test_a_publisher_keeps_publish_immediately(client, admin_user, changed_polish_about):
    client.force_login(admin_user)
    source = source_of(changed_polish_about)

    screen = client.get(reverse("wagtail_localize:update_translations", args=[source.pk]))

    assert 'name="publish_translations"' in screen.content.decode()


def test_translator_cannot_convert_a_translation_to_an_alias(client, translator, english_about):
    client.force_login(translator)
    url = reverse("wagtail_localize:convert_to_alias", args=[english_about.pk])
    live_before = live_state(english_about)

    assert_refused(client.get(url))
    assert_refused(client.post(url))

    assert live_state(english_about) == live_before
    assert Translation.objects.filter(source__object_id=english_about.translation_key).exists()


def test_translator_cannot_stop_a_synced_translation(client, translator, english_about):
    client.force_login(translator)
    synced = Translation.objects.get(source__object_id=english_about.translation_key, target_locale__language_code="en")

    assert_refused(client.post(reverse("wagtail_localize:stop_translation", args=[synced.pk])))

    synced.refresh_from_db()
    assert synced.enabled


def test_translator_cannot_publish_from_the_translation_editor(client, translator, english_about):
    client.force_login(translator)
    live_before = live_state(english_about)

    response = client.post(reverse("wagtailadmin_pages:edit", args=[english_about.pk]), {"action": "publish"})

    assert_refused(response)
    assert live_state(english_about) == live_before


def test_translator_cannot_publish_with_wagtails_editor(client, translator, english_about):
    Translation.objects.filter(source__object_id=english_about.translation_key).update(enabled=False)
    client.force_login(translator)
    live_before = live_state(english_about)

    data = {"title": "Published by a translator", "slug": english_about.slug, "intro": "", "body": streamfield([])}

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[english_about.pk]), nested_form_data({**data, "action-publish": "1"})
    )

    assert response.status_code in (200, 302)
    assert live_state(english_about) == live_before
    assert not english_about.permissions_for_user(translator).can_publish()


def test_translator_cannot_publish_a_partner(client, translator):
    partner = english_partner()
    name_before = partner.name
    client.force_login(translator)
    edit = reverse(partner.snippet_viewset.get_url_name("edit"), args=[partner.pk])

    response = client.post(edit, {"action": "publish"})  # the translation editor's publish action

    assert_refused(response)
    assert not translator.has_perm("partners.publish_partner")
    partner.refresh_from_db()
    assert partner.name == name_before
    assert partner.live_revision_id == english_partner().live_revision_id


def test_translators_editor_offers_submit_for_review_and_no_publishing(client, translator, english_about):
    client.force_login(translator)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[english_about.pk]))

    html = response.content.decode()
    props = json.loads(response.context["editor"]["props"])
    assert props["perms"]["canPublish"] is False
    assert props["links"]["convertToAliasUrl"] is None
    assert "editorial-review-only" in html  # wagtail-localize's footer (stop sync, lock) is replaced…
    assert "data-editorial-review-footer" in html  # …by one whose main button submits for review
    assert reverse("editorial:submit_for_review", args=[english_about.pk]) in html


def test_a_publishers_translation_editor_is_unchanged(client, admin_user, english_about):
    client.force_login(admin_user)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[english_about.pk]))

    assert json.loads(response.context["editor"]["props"])["perms"]["canPublish"] is True
    assert "data-editorial-review-footer" not in response.content.decode()


def test_after_syncing_a_partner_the_translator_lands_on_the_english_partner(client, translator, locale_pl):
    polish = Partner.objects.get(locale=locale_pl, slug__icontains="koziolek")
    source = TranslationSource.objects.get(object_id=polish.translation_key, locale=locale_pl)
    client.force_login(translator)

    response = client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), {})

    english = english_partner()
    assert response.url == reverse(english.snippet_viewset.get_url_name("edit"), args=[english.pk])
    assert client.get(response.url).status_code == 200
