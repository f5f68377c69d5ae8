from django.test import override_settings

from webhooks.checks import endpoints_use_https


def test_the_deploy_check_warns_when_endpoints_may_use_plain_http():
    with override_settings(WEBHOOKS_ALLOW_HTTP_LOOPBACK=True):
        warnings = endpoints_use_https(None)

    assert [warning.id for warning in warnings] == ["webhooks.W001"]


def test_the_deploy_check_is_quiet_when_endpoints_must_use_https():
    with override_settings(WEBHOOKS_ALLOW_HTTP_LOOPBACK=False):
        assert endpoints_use_https(None) == []
