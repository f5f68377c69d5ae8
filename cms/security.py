"""Who is asking: the client address as the trusted proxies in front of the app report it."""

from django.conf import settings


def client_ip(request):
    """The visitor's IP address for login throttling (django-axes).

    Behind ``TRUSTED_PROXY_COUNT`` proxies, each appends the address it received the request from to
    X-Forwarded-For, so the visitor is the entry that many places from the right; anything further left was
    sent by the client and cannot be trusted. With no proxy, REMOTE_ADDR is the visitor.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")
