import pytest

from django.contrib.auth import get_user_model
from django.urls import reverse

from wagtail_localize.models import TranslationSource

from home.models import HomePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "haslo-testowe")
    client.force_login(user)
    return client


def test_admin_dashboard_is_served(admin_client):
    response = admin_client.get("/admin/")

    assert response.status_code == 200


def test_english_page_opens_in_the_wagtail_localize_translation_editor(admin_client, locale_en):
    english_home = HomePage.objects.get(locale=locale_en)

    response = admin_client.get(f"/admin/pages/{english_home.pk}/edit/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "wagtail_localize/js/translation-editor.js" in html or "translation-editor" in html


def test_polish_page_offers_to_sync_its_translations(admin_client, locale_pl):
    polish_home = HomePage.objects.get(locale=locale_pl)
    source = TranslationSource.objects.get(object_id=polish_home.translation_key, locale=locale_pl)

    response = admin_client.get(f"/admin/pages/{polish_home.pk}/edit/")

    assert response.status_code == 200
    assert reverse("wagtail_localize:update_translations", args=[source.pk]) in response.content.decode()


def test_anonymous_visitor_is_sent_to_the_admin_login(client):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
