"""What every page's <head> tells search engines and link previews: meta tags and schema.org structured data."""

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils.text import Truncator
from django.utils.translation import gettext

from wagtail.models import Page

from home.site_address import absolute_url
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


def canonical_url(context, page, request):
    """The page's full URL, from the site's address; page N (N > 1) of a listing is its own canonical URL.

    A listing names the page of results it shows ``page_obj`` (Django's ``ListView`` convention).
    """
    shown = context.get("seo") or {}
    url = shown.get("canonical") or page.get_full_url(request)
    page_obj = context.get("page_obj")
    number = getattr(page_obj, "number", 1)
    return f"{url}?page={number}" if url and number > 1 else url


@register.inclusion_tag("seo/includes/meta_tags.html", takes_context=True)
def seo_meta(context):
    """Meta description, canonical URL and OpenGraph tags of the page being shown, in its language.

    A route of a routable page that shows something else than the page itself (a partner under the partner
    index, the event archive) names it in the context as ``seo``:
    ``{"title": …, "description": …, "canonical": …, "image": <a Wagtail image or None>}``.

    Runs no query of its own (the page's translations are already linked by ``hreflang_links``), so listing
    pages keep their query counts. Every URL comes from the site's address (``home.site_address``).
    """
    page = context.get("page")
    request = context.get("request")
    if not isinstance(page, Page):
        return {"page": None}
    code = page.locale.language_code
    shown = context.get("seo") or {}
    if "image" in shown:
        # A partner's logo: never cropped, transparency kept.
        image, spec = shown["image"], "max-1200x630|format-png"
    else:
        image, spec = getattr(page, "image", None), "fill-1200x630|format-jpeg"
    if image is not None:
        rendition = image.get_rendition(spec)
        image_url = absolute_url(rendition.url, request, page)
        image_alt = image.default_alt_text
        image_size = (rendition.width, rendition.height)
    else:
        # The partnership's own preview (static/img/og-default.png, made by scripts/build_brand_images.py).
        image_url = absolute_url(static(DEFAULT_IMAGE), request, page)
        image_alt = gettext("Logo of the Lublin Partnership for the Development of the Social Economy")
        image_size = DEFAULT_IMAGE_SIZE
    return {
        "page": page,
        "title": shown.get("title") or page.seo_title or page.title,
        "description": short_description(shown["description"]) if shown.get("description") else page_description(page),
        "canonical": canonical_url(context, page, request),
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
