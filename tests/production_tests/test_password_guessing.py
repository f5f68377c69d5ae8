"""Page and collection passwords cannot be guessed at the server's speed: 429 per visitor and per restriction."""

import pytest

from django.test import override_settings

from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from ..proxies import VISITOR_A, VISITOR_B, behind, via_proxies

pytestmark = pytest.mark.django_db


def protect(path):
    page = Page.objects.get(url_path__endswith=path)
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    return f"/pl/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"


def protected_collection(name):
    collection = Collection.get_first_root_node().add_child(name=name)
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.PASSWORD, password="s3cret"
    )
    return f"/documents/authenticate_with_password/{restriction.pk}/"


def guess(client, url, password, **extra):
    return client.post(url, {"password": password, "return_url": "/pl/"}, **extra)


@pytest.mark.parametrize("proxies", [1, 2])
@override_settings(PASSWORD_RATE_LIMIT="2/15m")
def test_page_password_guessing_is_throttled_per_visitor_with_retry_after_and_a_log_line(client, caplog, proxies):
    url = protect("/o-partnerstwie/")
    with behind(proxies):
        wrong = [guess(client, url, f"guess{n}", **via_proxies(VISITOR_A, proxies)) for n in range(2)]
        refused = guess(client, url, "s3cret", **via_proxies(VISITOR_A, proxies))
        forged = guess(client, url, "s3cret", **via_proxies(VISITOR_A, proxies, forged=VISITOR_B))
        other = guess(client, url, "s3cret", **via_proxies(VISITOR_B, proxies))

    assert [response.status_code for response in wrong] == [200, 200]
    assert refused.status_code == 429 and 0 < int(refused["Retry-After"]) <= 900
    assert "Zbyt wiele prób podania hasła" in refused.content.decode()
    assert forged.status_code == 429
    assert other.status_code == 302
    assert f"password.page.{url.split('/')[-2]}" in caplog.text and VISITOR_A in caplog.text


@override_settings(PASSWORD_RATE_LIMIT="2/15m")
def test_a_visitor_throttled_on_one_page_may_still_unlock_another(client):
    first = protect("/o-partnerstwie/")
    second = protect("/kontakt/")
    for n in range(3):
        guess(client, first, f"guess{n}")

    assert guess(client, first, "s3cret").status_code == 429
    assert guess(client, second, "s3cret").status_code == 302


@pytest.mark.parametrize("proxies", [1, 2])
@override_settings(PASSWORD_RATE_LIMIT="2/15m")
def test_collection_password_guessing_is_throttled_per_visitor(client, proxies):
    url = protected_collection("Dla członków")
    with behind(proxies):
        for n in range(2):
            assert guess(client, url, f"guess{n}", **via_proxies(VISITOR_A, proxies)).status_code == 200
        refused = guess(client, url, "s3cret", **via_proxies(VISITOR_A, proxies))
        forged = guess(client, url, "s3cret", **via_proxies(VISITOR_A, proxies, forged=VISITOR_B))
        other = guess(client, url, "s3cret", **via_proxies(VISITOR_B, proxies))

    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert forged.status_code == 429
    assert other.status_code == 302
