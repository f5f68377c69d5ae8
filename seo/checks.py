"""``manage.py check`` warnings about what search engines are told: one address, one description per page.

Both read the database (pages, the Site record); before the first migration there is nothing to check.
"""

from collections import defaultdict

from django.conf import settings
from django.core.checks import Warning, register
from django.db import DatabaseError

from wagtail.models import Page, Site

from seo.templatetags.seo_tags import page_description


def shared_descriptions():
    """``{(language, description): [page, …]}`` for every meta description that more than one live page gives."""
    pages = defaultdict(list)
    for page in Page.objects.live().filter(depth__gt=1).select_related("locale").specific().order_by("path"):
        pages[(page.locale.language_code, page_description(page))].append(page)
    return {key: found for key, found in pages.items() if len(found) > 1}


@register("seo")
def check_distinct_descriptions(app_configs=None, **kwargs):
    try:
        shared = shared_descriptions()
    except DatabaseError:
        return []
    return [
        Warning(
            f"{len(found)} pages share one meta description ({language}): "
            + ", ".join(f"“{page.title}” ({page.url or page.url_path})" for page in found),
            hint="Give each page its own search description (Promote tab) so that search results tell them apart.",
            obj=f"“{description}”",
            id="seo.W001",
        )
        for (language, description), found in shared.items()
    ]


@register("seo")
def check_one_site_address(app_configs=None, **kwargs):
    """The default Site record is the site's address (home.site_address); the settings that name it must agree."""
    try:
        site = Site.objects.filter(is_default_site=True).first()
    except DatabaseError:
        return []
    if site is None:
        return []
    warnings = []
    for name in ("WAGTAILADMIN_BASE_URL", "WAGTAILAPI_BASE_URL"):
        value = (getattr(settings, name, None) or "").rstrip("/")
        if value and value != site.root_url:
            warnings.append(
                Warning(
                    f"{name} is {value}, but the site's address (the default Site record) is {site.root_url}.",
                    hint="Set the host name and port of the default site (Settings → Sites) and "
                    f"{name} to the same public address (docs/DEPLOYMENT.md).",
                    id="seo.W002",
                )
            )
    return warnings
