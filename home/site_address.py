"""The site's public address: the one source of every absolute URL the site emits (docs/DEPLOYMENT.md).

It is the default Wagtail ``Site`` record (Settings → Sites: host name and port, 443 meaning https), the record
Wagtail itself builds every page's full URL from; ``load_content`` writes it from ``WAGTAILADMIN_BASE_URL``.
Nothing here reads the request's ``Host`` header: a page reached under another host name that ``ALLOWED_HOSTS``
lets in (a bare IP, a ``www.`` alias) still names itself, its feeds and its calendar entries with the one address.
"""

from django.conf import settings

from wagtail.models import Site


def site_root_url(request=None, page=None):
    """``"https://partnerstwo.example.org"`` (no trailing slash).

    With ``page``, the root URL Wagtail gives that page (its site's record, from Wagtail's cached root paths: no
    query); otherwise the default site's, looked up once per ``request``.
    """
    if page is not None:
        parts = page.get_url_parts(request)
        if parts and parts[1]:
            return parts[1]
    found = getattr(request, "_site_root_url", None)
    if found is None:
        site = Site.objects.filter(is_default_site=True).only("hostname", "port").first()
        found = site.root_url if site else settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        if request is not None:
            request._site_root_url = found
    return found


def absolute_url(path, request=None, page=None):
    """``path`` (site-relative, starting with ``/``) under the site's address; full URLs are returned as they are."""
    if not path or path.startswith(("http://", "https://")):
        return path
    return site_root_url(request, page) + path
