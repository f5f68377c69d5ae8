"""Who is asking: the one place that finds the visitor's address (login throttling, rate limits, consent records).

Behind ``TRUSTED_PROXY_COUNT`` reverse proxies of ours, each appends the address it received the request from
to X-Forwarded-For, so the visitor is the entry that many places from the right (django-ipware reads the
chain right to left from the last proxy); anything further left was written by the client and is ignored.
With no proxy, REMOTE_ADDR is the visitor and X-Forwarded-For is not read at all.
"""

from ipware import get_client_ip

from django.conf import settings


def client_ip(request):
    """The visitor's IP address as text, or None when the request carries none."""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        # The last proxy is REMOTE_ADDR, so X-Forwarded-For holds the client and the proxies before it:
        # ipware's proxy count is the number of those proxies. Only X-Forwarded-For is trusted, never the
        # other headers ipware knows (X-Real-IP, CF-Connecting-IP…), which a client could send itself.
        address, _routable = get_client_ip(
            request,
            proxy_order="left-most",
            proxy_count=proxies - 1,
            request_header_order=["HTTP_X_FORWARDED_FOR"],
            strict=False,
        )
        if address is not None:
            return address
    return request.META.get("REMOTE_ADDR") or None
