"""What every page's <head> tells search engines and link previews: meta tags and schema.org structured data."""

from urllib.parse import urljoin

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils.text import Truncator
from django.utils.translation import gettext

from wagtail.models import Page

from seo.structured_data import json_ld_script, partner_json_ld

register = template.Library()

DESCRIPTION_LENGTH = 160
OPENGRAPH_LOCALES = {"pl": "pl_PL", "en": "en_GB"}
#: The link-preview image of pages without one of their own (static/img/og-default.png), and its size.
DEFAULT_IMAGE = "img/og-default.png"
DEFAULT_IMAGE_SIZE = (1200, 630)


def short_description(text):
    return Truncator(" ".join(str(text).split())).chars(DESCRIPTION_LENGTH)


def page_description(page):
    """The page's meta description: its SEO description, else its lead or introduction, else its title."""
    for name in ("search_description", "lead", "intro"):
        value = getattr(page, name, "")
        if value:
            return short_description(value)
    return page.title


@register.inclusion_tag("seo/includes/meta_tags.html", takes_context=True)
def seo_meta(context):
    """Meta description, canonical URL and OpenGraph tags of the page being shown, in its language.

    A route of a routable page that shows something else than the page itself (a partner under the partner
    index) names it in the context as ``seo``: ``{"title": …, "description": …, "canonical": …}``.

    Runs no query of its own (the page's translations are already linked by ``hreflang_links``), so listing
    pages keep their query counts.
    """
    page = context.get("page")
    request = context.get("request")
    if not isinstance(page, Page):
        return {"page": None}
    code = page.locale.language_code
    image = getattr(page, "image", None)
    if image is not None:
        rendition = image.get_rendition("fill-1200x630|format-jpeg")
        image_url = request.build_absolute_uri(rendition.url) if request else rendition.full_url
        image_alt = image.default_alt_text
        image_size = (rendition.width, rendition.height)
    else:
        # The partnership's own preview (static/img/og-default.png, made by scripts/build_brand_images.py).
        path = static(DEFAULT_IMAGE)
        image_url = request.build_absolute_uri(path) if request else urljoin(settings.WAGTAILADMIN_BASE_URL, path)
        image_alt = gettext("Logo of the Lublin Partnership for the Development of the Social Economy")
        image_size = DEFAULT_IMAGE_SIZE
    shown = context.get("seo") or {}
    return {
        "page": page,
        "title": shown.get("title") or page.seo_title or page.title,
        "description": short_description(shown["description"]) if shown.get("description") else page_description(page),
        "canonical": shown.get("canonical") or page.get_full_url(request),
        "site_name": gettext("Lublin Partnership for the Development of the Social Economy"),
        "og_type": "article" if hasattr(page, "lead") and hasattr(page, "date") else "website",
        "og_locale": OPENGRAPH_LOCALES.get(code, code),
        "image_url": image_url,
        "image_alt": image_alt,
        "image_width": image_size[0],
        "image_height": image_size[1],
        "languages": settings.LANGUAGES,
    }


@register.simple_tag(takes_context=True)
def organization_json_ld(context, partner, url):
    """A partner as a schema.org ``Organization`` in a ``<script type="application/ld+json">`` element."""
    return json_ld_script(partner_json_ld(partner, context.get("request"), url))
