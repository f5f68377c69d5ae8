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


@pytest.fixture(scope="module")
def loaded_site_restored_afterwards(site_database, django_db_blocker):
    """For the modules of transactional tests, which end by emptying every table: the next module finds the
    loaded site again."""
    yield
    with django_db_blocker.unblock():
        site_database.restore()


@pytest.fixture
def loaded_site(site_database, transactional_db, loaded_site_restored_afterwards):
    """A transactional test starting from the loaded site (the previous one emptied the database)."""
    site_database.restore()


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
