"""The layout's tags: home page, menu, language links, contact details, site information pages.

The layout caches what they render as fragments on the content version (``{% wagtailcache %}`` in
templates/base.html, see cms/caching), so most of them query only on a fragment miss.
"""

from urllib.parse import urlsplit

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import get_language_info

from wagtail.models import Page, Site

from home.document_links import document_link as nameless_document_link
from home.languages import language_codes
from home.models import AccessibilityStatementPage, ContactDetails, PrivacyPage
from home.privacy import PURPOSES
from home.site_pages import site_page
from home.visibility import private_pages_q

register = template.Library()


def _home_page(request):
    """The site's home page in the active language, looked up once per request."""
    if not hasattr(request, "_localized_home_page"):
        site = Site.find_for_request(request)
        request._localized_home_page = site.root_page.localized if site else None
    return request._localized_home_page


@register.simple_tag(takes_context=True)
def home_page(context):
    """The home page in the active language."""
    return _home_page(context["request"])


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    home = _home_page(request)
    items = (
        home.get_children().live().exclude(private_pages_q(request)).in_menu().only("id", "title", "url_path")
        if home
        else []
    )
    current = context.get("page")
    return {
        "request": request,
        "home": home,
        "items": items,
        "current_path": current.url_path if current else "",
    }


def _live_translations(page, request=None):
    """{language: page} of ``page``'s live, public translations (itself included), once per request."""
    found = getattr(request, "_live_translations", None)
    if found is None:
        found = {}
        if request is not None:
            request._live_translations = found
    if page.pk not in found:
        found[page.pk] = {
            translation.locale.language_code: translation
            for translation in page.get_translations(inclusive=True)
            .live()
            .exclude(private_pages_q(request))
            .select_related("locale")
        }
    return found[page.pk]


def path_of(url):
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _translation_urls(context, absolute):
    """{language: URL} of what the visitor is looking at, in each language it is live in.

    A view that shows something other than the page itself (a partner below its index page, say) puts
    ``alternates`` — (language, absolute URL) pairs, its own language included — in the context.
    """
    if context.get("alternates"):
        # Full URLs from the site's address; the language switcher links within the site with their paths.
        return {code: url if absolute else path_of(url) for code, url in context["alternates"]}
    page = context.get("page")
    if not isinstance(page, Page):
        return {}
    request = context["request"]
    return {
        code: (translation.get_full_url(request) if absolute else translation.get_url(request))
        for code, translation in _live_translations(page, request).items()
    }


def _view_translation_urls(request):
    """{language: path} of the Django view (not a Wagtail page) being shown, in each language."""
    urls = {}
    for code in language_codes():
        translated = translate_url(request.path, code)
        if translated != request.path or code == translation.get_language():
            urls[code] = translated
    return urls


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the current page in each language, or to that language's home page where it has none.

    A view whose filters mean the same in every language (the partners' sector and name, the search words) puts
    them in the context as ``language_query``, an encoded query string: the links to its translations keep them.
    The layout then renders the links for that request instead of using their cached fragment.
    """
    request = context["request"]
    page = context.get("page")
    current_code = page.locale.language_code if isinstance(page, Page) else translation.get_language()
    urls = _translation_urls(context, absolute=False)
    query = context.get("language_query") or ""
    if query and not urls and not isinstance(page, Page):
        urls = _view_translation_urls(request)
    if query:
        urls = {code: f"{url}?{query}" for code, url in urls.items()}
    missing = [code for code in language_codes() if code not in urls]
    site = Site.find_for_request(request)
    homes = _live_translations(site.root_page, request) if missing and site else {}
    links = []
    for code in language_codes():
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


@register.inclusion_tag("includes/contact_details.html", takes_context=True)
def contact_details(context, heading_level=2, region=False, compact=False):
    """The contact details; ``region=True`` makes them a labelled landmark (once per page: the footer's is not);
    ``compact=True`` gives the footer's short form: the office's address, phone and e-mail under "Contact"."""
    contact = ContactDetails.for_locale()
    return {"contact": contact, "heading_level": heading_level, "region": region, "compact": compact}


def _site_page(context, model):
    """The live page of ``model`` (the accessibility statement or the privacy policy) in the active language, else
    the default language's (``home.site_pages``): for the footer, the meta tag and forms' consent texts."""
    request = context.get("request")
    return site_page(request, model) or site_page(request, model, settings.LANGUAGE_CODE)


def _page_url(context, model, full):
    page = _site_page(context, model)
    if page is None:
        return ""
    request = context.get("request")
    return page.get_full_url(request) if full else page.get_url(request)


@register.simple_tag(takes_context=True)
def privacy_page_url(context, full=False):
    """URL of the privacy policy in the active language, for forms' consent texts: ``{% privacy_page_url %}``."""
    return _page_url(context, PrivacyPage, full)


@register.simple_tag(takes_context=True)
def accessibility_statement_url(context, full=False):
    """URL of the accessibility statement in the active language (``full=True`` for the meta tag)."""
    return _page_url(context, AccessibilityStatementPage, full)


@register.inclusion_tag("includes/footer_links.html", takes_context=True)
def footer_links(context):
    return {
        "statement": _site_page(context, AccessibilityStatementPage),
        "privacy": _site_page(context, PrivacyPage),
        "request": context.get("request"),
    }


@register.simple_tag
def document_link(document):
    """A document's URL, without the file name when its collection is restricted (home.document_links)."""
    return nameless_document_link(document)


@register.inclusion_tag("home/includes/processing_purposes.html")
def processing_purposes():
    """The privacy page's table of purposes, legal bases, recipients and retention periods (home.privacy)."""
    return {"purposes": PURPOSES}
