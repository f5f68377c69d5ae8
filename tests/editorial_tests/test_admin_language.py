"""Each user's admin speaks the language of their account preference, the editorial strings included."""

import pytest

from django.urls import reverse

from wagtail.users.models import UserProfile

pytestmark = pytest.mark.django_db

BOARD_URL = reverse("editorial:translation_board")


def prefer(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


@pytest.mark.parametrize(
    ("language", "board_title", "state"),
    [("pl", "Stan tłumaczeń", "Aktualne"), ("en", "Translation status", "Up to date")],
)
def test_the_board_speaks_the_users_preferred_language(client, translator, language, board_title, state):
    prefer(translator, language)
    client.force_login(translator)

    html = client.get(BOARD_URL).content.decode()

    assert f'<html lang="{language}"' in html
    assert board_title in html
    assert state in html


def test_two_users_see_the_admin_in_their_own_languages(client, editor, translator):
    prefer(editor, "pl")
    prefer(translator, "en")

    client.force_login(editor)
    polish = client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(translator)
    english = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Stan tłumaczeń" in polish and "Translation status" not in polish
    assert "Translation status" in english and "Stan tłumaczeń" not in english


def test_the_account_preferences_change_the_admin_language(client, translator):
    client.force_login(translator)
    account = client.get(reverse("wagtailadmin_account")).content.decode()
    assert 'name="locale-preferred_language"' in account

    data = {
        "name_email-first_name": "Anna",
        "name_email-last_name": "Nowak",
        "name_email-email": translator.email,
        "locale-preferred_language": "en",
        "locale-current_time_zone": "",
        "theme-theme": "system",
        "theme-density": "default",
        "theme-contrast": "system",
        "theme-keyboard_shortcuts": "on",
    }
    response = client.post(reverse("wagtailadmin_account"), data)

    assert response.status_code == 302
    assert UserProfile.get_for_user(translator).get_preferred_language() == "en"
    assert "Translation status" in client.get(BOARD_URL).content.decode()
