from django.conf import settings
from django.core.checks import Warning, register


@register(deploy=True)
def endpoints_use_https(app_configs, **kwargs):
    """Plain http to this machine is for a portal in development and the tests' receiver, never a live site."""
    if settings.WEBHOOKS_ALLOW_HTTP_LOOPBACK:
        return [
            Warning(
                "WEBHOOKS_ALLOW_HTTP_LOOPBACK is on: webhook endpoints may use plain http to a loopback address.",
                hint="Leave WEBHOOKS_ALLOW_HTTP_LOOPBACK unset in production.",
                id="webhooks.W001",
            )
        ]
    return []
