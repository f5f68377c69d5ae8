from django import template
from django.conf import settings
from django.utils import translation
from django.utils.translation import get_language_info

from wagtail.models import Page, Site

from home.models import ContactDetails

register = template.Library()


def _home_page(request):
    site = Site.find_for_request(request)
    return site.root_page.localized if site else None


@register.simple_tag(takes_context=True)
def home_page(context):
    """The home page in the active language."""
    return _home_page(context["request"])


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    home = _home_page(request)
    items = home.get_children().live().public().in_menu().only("id", "title", "url_path") if home else []
    current = context.get("page")
    return {
        "request": request,
        "home": home,
        "items": items,
        "current_path": current.url_path if current else "",
    }


def _live_translations(page):
    return {
        translation.locale.language_code: translation
        for translation in page.get_translations(inclusive=True).live().public().select_related("locale")
    }


def _translation_urls(context, absolute):
    """{language: URL} of what the visitor is looking at, in each language it is live in.

    A view that shows something other than the page itself (a partner below its index page, say) puts
    ``alternates`` — (language, absolute URL) pairs, its own language included — in the context.
    """
    if context.get("alternates"):
        return dict(context["alternates"])
    page = context.get("page")
    if not isinstance(page, Page):
        return {}
    request = context["request"]
    return {
        code: (translation.get_full_url(request) if absolute else translation.get_url(request))
        for code, translation in _live_translations(page).items()
    }


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the current page in each language, or to that language's home page where it has none."""
    request = context["request"]
    page = context.get("page")
    current_code = page.locale.language_code if isinstance(page, Page) else translation.get_language()
    urls = _translation_urls(context, absolute=False)
    missing = [code for code, _name in settings.LANGUAGES if code not in urls]
    site = Site.find_for_request(request)
    homes = _live_translations(site.root_page) if missing and site else {}
    links = []
    for code, _name in settings.LANGUAGES:
        url = urls.get(code) or (homes[code].get_url(request) if code in homes else None)
        if url is None:
            continue
        links.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": url,
                "is_current": code == current_code,
                "is_translation": code in urls,
            }
        )
    return {"links": links}


@register.inclusion_tag("includes/hreflang_links.html", takes_context=True)
def hreflang_links(context):
    urls = _translation_urls(context, absolute=True)
    return {"links": list(urls.items()), "x_default": urls.get(settings.LANGUAGE_CODE)}


@register.inclusion_tag("includes/contact_details.html")
def contact_details(heading_level=2):
    return {"contact": ContactDetails.for_locale(), "heading_level": heading_level}
