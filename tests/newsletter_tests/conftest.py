import pytest

from django.core.cache import cache

from newsletter.models import ConsentText


@pytest.fixture(autouse=True)
def empty_rate_limit_counters():
    cache.clear()
    yield
    cache.clear()


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
        "language": language,
        "consent": True,
        "consent_version": ConsentText.current(language).version,
    }
    payload.update(overrides)
    return payload
