"""Drafts are never public: saving a draft of a page, of a partner (a snippet with draft state) or of a
wagtail-localize translation changes nothing a visitor or a portal sees (the stored page, the fragments, the
API's ETag and Last-Modified); publishing it does. Private data (a newsletter signup) changes nothing either."""

import pytest

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client

from wagtail.models import Page
from wagtail_localize.models import Translation

from cms.caching.version import KEY
from editorial.review import save_translation_draft
from home.models import StandardPage
from partners.models import Partner
from tests.newsletter_tests.conftest import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture(autouse=True)
def content_changed_a_while_ago():
    """As if the last change were 10 s old, so that Last-Modified tells a change in this second apart."""
    import time

    cache.set(KEY, (time.time_ns(), time.time() - 10), timeout=None)


class Visitor:
    """What a visitor and a portal see at ``page_url`` and ``api_url``, and whether it changed since."""

    def __init__(self, page_url, api_url):
        self.page_url, self.api_url = page_url, api_url
        self.client = Client()
        self.page = self.client.get(page_url)
        self.client.get(page_url)  # stored now: the next answer comes from the page cache
        self.rendered = self.client.get(page_url + "?fragments")  # fragments stored
        self.api = self.client.get(api_url)
        assert (self.page.status_code, self.rendered.status_code, self.api.status_code) == (200, 200, 200)

    def page_now(self):
        return self.client.get(self.page_url)

    def rendered_now(self):
        return self.client.get(self.page_url + "?fragments").content.decode()

    def portal_revalidates(self):
        by_etag = self.client.get(self.api_url, HTTP_IF_NONE_MATCH=self.api["ETag"])
        by_date = self.client.get(self.api_url, HTTP_IF_MODIFIED_SINCE=self.api["Last-Modified"])
        return by_etag.status_code, by_date.status_code

    def sees_nothing_new(self):
        page = self.page_now()
        return (
            page.get("X-Page-Cache") == "hit"
            and page.content == self.page.content
            and self.rendered_now() == self.rendered.content.decode()
            and self.portal_revalidates() == (304, 304)
        )


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("redaktorka", "redaktorka@example.org", "haslo")


def test_a_page_draft_is_not_public_until_it_is_published(locale_pl):
    page = StandardPage.objects.get(locale=locale_pl, slug="o-partnerstwie")
    visitor = Visitor(page.url, f"/api/v2/pages/{page.pk}/")

    page.title = "Szkic tytułu"
    page.save_revision()

    assert visitor.sees_nothing_new()
    assert "Szkic tytułu" not in visitor.rendered_now()

    StandardPage.objects.get(pk=page.pk).latest_revision.publish()

    assert visitor.page_now().get("X-Page-Cache") == "miss"
    assert "<h1>Szkic tytułu</h1>" in visitor.rendered_now()
    assert visitor.portal_revalidates() == (200, 200)


def test_a_partner_draft_is_not_public_until_it_is_published(locale_pl):
    partner = Partner.objects.get(locale=locale_pl, slug="koziolek")
    index_url = Page.objects.get(locale=locale_pl, slug="partnerzy").url
    visitor = Visitor(index_url, "/api/v2/partners/?locale=pl&fields=name,city")

    partner.name = "Nazwa ze szkicu"
    partner.city = "Miasto ze szkicu"
    partner.save_revision()

    assert visitor.sees_nothing_new()
    assert "Nazwa ze szkicu" not in visitor.rendered_now()
    assert "Nazwa ze szkicu" not in visitor.client.get("/api/v2/partners/?locale=pl&fields=name").content.decode()

    Partner.objects.get(pk=partner.pk).latest_revision.publish()

    assert visitor.page_now().get("X-Page-Cache") == "miss"
    assert "Nazwa ze szkicu" in visitor.rendered_now()
    assert visitor.portal_revalidates() == (200, 200)


def test_a_translation_draft_is_not_public_until_it_is_published(locale_en, editor, django_capture_on_commit_callbacks):
    english = StandardPage.objects.get(locale=locale_en, slug="about")
    visitor = Visitor(english.url, f"/api/v2/pages/{english.pk}/")
    translation = Translation.objects.get(source__object_id=english.translation_key, target_locale=locale_en)
    po = translation.export_po()
    for entry in po:
        if entry.msgctxt == "title":
            entry.msgstr = "Translated draft title"
    translation.import_po(po)

    with django_capture_on_commit_callbacks(execute=True):
        revision = save_translation_draft(translation, editor)

    assert visitor.sees_nothing_new()
    assert "Translated draft title" not in visitor.client.get(visitor.api_url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        revision.publish()

    assert visitor.page_now().get("X-Page-Cache") == "miss"
    assert "<h1>Translated draft title</h1>" in visitor.rendered_now()
    assert visitor.portal_revalidates() == (200, 200)


def test_a_newsletter_signup_changes_no_page_and_no_etag(locale_pl):
    visitor = Visitor("/pl/", "/api/v2/pages/?locale=pl")

    response = Client().post("/pl/newsletter/subscribe/", form_data("czytelniczka@example.org", "pl"))

    assert response.status_code == 302
    assert visitor.sees_nothing_new()
