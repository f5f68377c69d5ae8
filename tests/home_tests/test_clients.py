import pytest

from django.conf import settings
from django.test import RequestFactory

from home.clients import client_ip
from home.ratelimit import client_key, retry_after

from ..proxies import VISITOR_A, VISITOR_B, behind, via_proxies


def request(**meta):
    return RequestFactory().post("/", **meta)


def test_without_proxies_the_visitor_is_remote_addr_and_forwarded_headers_are_ignored():
    with behind(0):
        assert client_ip(request(REMOTE_ADDR=VISITOR_A, HTTP_X_FORWARDED_FOR=VISITOR_B)) == VISITOR_A


@pytest.mark.parametrize("proxies", [1, 2])
def test_behind_our_proxies_the_visitor_is_read_from_the_right_of_x_forwarded_for(proxies):
    with behind(proxies):
        assert client_ip(request(**via_proxies(VISITOR_A, proxies))) == VISITOR_A


@pytest.mark.parametrize("proxies", [1, 2])
def test_an_address_the_visitor_wrote_in_x_forwarded_for_is_not_believed(proxies):
    with behind(proxies):
        assert client_ip(request(**via_proxies(VISITOR_A, proxies, forged=VISITOR_B))) == VISITOR_A
        assert client_ip(request(**via_proxies(VISITOR_A, proxies, forged="not-an-address"))) == VISITOR_A


def test_headers_a_client_can_send_itself_are_never_trusted():
    with behind(1):
        address = client_ip(request(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=VISITOR_A, HTTP_X_REAL_IP=VISITOR_B))
        assert address == VISITOR_A
        assert client_ip(request(REMOTE_ADDR="10.0.0.1", HTTP_X_REAL_IP=VISITOR_B)) == "10.0.0.1"


def test_a_request_that_bypassed_the_proxies_is_counted_under_its_own_address():
    with behind(2):
        assert client_ip(request(REMOTE_ADDR=VISITOR_A)) == VISITOR_A


def test_login_throttling_uses_the_same_client_address():
    assert settings.AXES_CLIENT_IP_CALLABLE == "home.clients.client_ip"


def test_an_ipv6_visitor_is_counted_by_its_whole_64_network():
    first = request(REMOTE_ADDR="2001:db8:1:2::1")
    second = request(REMOTE_ADDR="2001:db8:1:2:ffff::9")
    elsewhere = request(REMOTE_ADDR="2001:db8:1:3::1")

    assert client_key("group", first) == client_key("group", second) == "2001:db8:1:2::"
    assert client_key("group", elsewhere) != client_key("group", first)


def test_a_request_without_any_address_shares_one_counter():
    assert client_key("group", request(REMOTE_ADDR="")) == "unknown"


def test_the_limiter_counts_each_attempt_and_says_how_long_to_wait_once_over():
    visitor = request(REMOTE_ADDR=VISITOR_A)

    assert retry_after(visitor, "test.count", "2/h") is None
    assert retry_after(visitor, "test.count", "2/h") is None
    seconds = retry_after(visitor, "test.count", "2/h")

    assert 1 <= seconds <= 3600
    assert retry_after(request(REMOTE_ADDR=VISITOR_B), "test.count", "2/h") is None
    assert retry_after(visitor, "test.other-group", "2/h") is None
