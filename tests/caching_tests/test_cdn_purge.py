"""With a CDN configured, a change Wagtail does not purge for (anything but a page's publish or unpublish)
purges every live page through wagtail.contrib.frontend_cache; without one, nothing is sent."""

from unittest import mock

import pytest

from documents.models import DocumentIndexPage
from home.models import ContactDetails, HomePage, StandardPage
from newsletter.models import Subscriber
from tests.factories.home import StandardPageFactory

pytestmark = pytest.mark.django_db

CDN = {"default": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": "http://cdn"}}


@pytest.fixture
def purged(settings):
    settings.WAGTAILFRONTENDCACHE = CDN
    with mock.patch("cms.caching.cdn.purge_pages_from_cache") as purge:
        yield lambda: [sorted(page.url_path for page in call.args[0]) for call in purge.call_args_list]


def test_changing_the_contact_details_purges_every_live_page(purged):
    details = ContactDetails.objects.first()
    details.phone = "81 222 22 22"
    details.save()

    (urls,) = purged()
    assert {"/strona-glowna/", "/home/"} <= set(urls)
    assert len(urls) > 20


def test_moving_a_page_purges_every_page_and_publishing_one_is_left_to_wagtail(purged, locale_pl):
    home = HomePage.objects.get(locale=locale_pl)
    page = StandardPageFactory(parent=home, title="Przenoszona", slug="przenoszona")
    parent = StandardPageFactory(parent=home, title="Nowy dział", slug="nowy-dzial")
    assert len(purged()) == 2  # created live by code: nobody published them

    StandardPage.objects.get(pk=page.pk).save_revision().publish()
    assert len(purged()) == 2

    StandardPage.objects.get(pk=page.pk).move(parent, pos="last-child")
    assert len(purged()) == 3


def test_publishing_a_page_with_inline_rows_is_left_to_wagtail(purged, locale_pl):
    documents_page = DocumentIndexPage.objects.get(locale=locale_pl)
    assert documents_page.entries.count() > 1

    documents_page.save_revision().publish()

    assert purged() == []


def test_private_data_and_an_unconfigured_cdn_purge_nothing(purged, settings):
    Subscriber.objects.create(email="czytelnik@example.org", language="pl")
    assert purged() == []

    del settings.WAGTAILFRONTENDCACHE
    ContactDetails.objects.first().save()
    assert purged() == []
