import pytest

from django.contrib.auth import get_user_model

from wagtail.users.models import UserProfile

from newsletter.models import ConsentText


@pytest.fixture
def admin(client):
    """A superuser's client, the admin in English."""
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "password")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    return client


def form_data(email, language="pl", **overrides):
    """What the footer form posts for a visitor who ticked the box under the current consent text."""
    data = {
        "email": email,
        "consent": "on",
        "consent_version": ConsentText.current(language).version,
        "source": f"/{language}/",
        "website": "",
    }
    data.update(overrides)
    return data


def api_payload(email, language="pl", **overrides):
    payload = {
        "email": email,
        "locale": language,
        "consent": True,
        "consent_version": ConsentText.current(language).version,
    }
    payload.update(overrides)
    return payload
