import hashlib
import logging
import pickle
import time

from django import template
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.utils import translation
from django.utils.translation import get_language_info

from wagtail.models import Page, Site

from home.languages import language_codes
from home.models import AccessibilityStatementPage, ContactDetails, PrivacyPage

register = template.Library()
logger = logging.getLogger(__name__)


# --- fragments of the layout, cached on the page cache's generation ----------------------------------
def content_cache_key(request, name, *vary_on):
    """A cache key for something derived from the site's content, or None where nothing may be cached.

    Keys hold the page cache's generation (``request.page_cache_generation``, set by ``cms.pagecache`` when
    the page cache is on), which every publish, move, deletion and content change replaces; the active
    language; the scheme and host (links may be absolute); and ``vary_on``: pages by id, anything else by
    value. Nothing is cached for previews (a draft is not the content) or for signed-in users (editors
    always see the layout computed afresh).
    """
    generation = getattr(request, "page_cache_generation", None)
    if generation is None or getattr(request, "is_preview", False):
        return None
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return None
    parts = [request.scheme, request.get_host(), translation.get_language()]
    parts += [f"page:{value.pk}" if isinstance(value, Page) else repr(value) for value in vary_on]
    digest = hashlib.sha256("|".join(parts).encode()).hexdigest()
    return f"pagecache:{generation}:{name}:{digest}"


def cached_for_content(request, name, compute):
    """``compute()``, remembered for the content's generation and the active language (``content_cache_key``);
    computed afresh wherever nothing may be cached, and when what was stored no longer loads (a deploy
    renamed or removed a class it holds)."""
    key = content_cache_key(request, name) if request is not None else None
    stored = cache.get(key) if key else None
    if stored is not None:
        try:
            return pickle.loads(stored)  # noqa: S301 - written below, under this module's keys
        except Exception:  # any failure to load is a miss
            logger.warning("Could not load the cached %s; computing it again", name, exc_info=True)
    value = compute()
    if key:
        cache.set(key, pickle.dumps(value), settings.PAGE_CACHE_SECONDS)
    return value


#: The context variable through which tags inside a {% fragment %} reach its FragmentLifetime.
FRAGMENT_LIFETIME = "_fragment_lifetime"


class FragmentLifetime:
    """Until when the fragment being rendered stays true (a Unix time, None: until the content changes)."""

    def __init__(self, parent=None):
        self.until, self.parent = None, parent

    def end_by(self, until):
        if until is not None:
            self.until = until if self.until is None else min(self.until, until)
            if self.parent is not None:
                self.parent.end_by(until)


@register.simple_tag(takes_context=True)
def fragment_changes_at(context, moment):
    """Tell the enclosing ``{% fragment %}``, if any, that this output changes by itself at ``moment`` (an
    aware datetime), as a list of upcoming events does when one of them ends:
    ``{% fragment_changes_at event.end|default:event.start %}``."""
    lifetime = context.get(FRAGMENT_LIFETIME)
    if lifetime is not None and moment is not None:
        lifetime.end_by(moment.timestamp())
    return ""


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist, self.name, self.vary_on = nodelist, name, vary_on

    def render(self, context):
        request = context.get("request")
        key = None
        if request is not None:
            key = content_cache_key(request, self.name, *(value.resolve(context) for value in self.vary_on))
        lifetime = FragmentLifetime(parent=context.get(FRAGMENT_LIFETIME))
        if key is not None:
            stored = cache.get(key)
            if isinstance(stored, tuple) and len(stored) == 2:
                content, until = stored
                lifetime.end_by(until)  # an enclosing fragment lives no longer than this one
                return content
        with context.push({FRAGMENT_LIFETIME: lifetime}):
            content = self.nodelist.render(context)
        timeout = settings.PAGE_CACHE_SECONDS
        if lifetime.until is not None:
            timeout = min(timeout, int(lifetime.until - time.time()))
        # A form's CSRF token belongs to one visitor: such a fragment is never shared.
        if key is not None and timeout > 0 and "csrfmiddlewaretoken" not in content:
            cache.set(key, (content, lifetime.until), timeout)
        return content


@register.tag
def fragment(parser, token):
    """``{% fragment "name" page alternates %}…{% endfragment %}``: the enclosed output, rendered once per
    generation of the content, language and listed values (see ``content_cache_key``), and kept no longer
    than the page cache keeps pages, or than a tag inside says (``fragment_changes_at``).

    Only for output that is the same for every visitor: no CSRF token, user, messages or request data
    other than the language, scheme and host. Whatever the output depends on besides the site's content
    and the language must be listed (the page, for a menu that marks the current page).
    """
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% fragment %} needs a name")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, bits[1].strip("\"'"), [parser.compile_filter(bit) for bit in bits[2:]])


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
    items = home.get_children().live().public().in_menu().only("id", "title", "url_path") if home else []
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
            for translation in page.get_translations(inclusive=True).live().public().select_related("locale")
        }
    return found[page.pk]


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
        for code, translation in _live_translations(page, request).items()
    }


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the current page in each language, or to that language's home page where it has none."""
    request = context["request"]
    page = context.get("page")
    current_code = page.locale.language_code if isinstance(page, Page) else translation.get_language()
    urls = _translation_urls(context, absolute=False)
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
def contact_details(context, heading_level=2, region=False):
    """The contact details; ``region=True`` makes them a labelled landmark (once per page: the footer's is not)."""
    contact = cached_for_content(context.get("request"), "contact-details", ContactDetails.for_locale)
    return {"contact": contact, "heading_level": heading_level, "region": region}


SITE_INFORMATION_PAGES = (AccessibilityStatementPage, PrivacyPage)


def _site_information_pages():
    """{(model, language): page}: the first live page of each of SITE_INFORMATION_PAGES in each language."""
    content_types = ContentType.objects.get_for_models(*SITE_INFORMATION_PAGES)
    model_by_type = {content_type.pk: model for model, content_type in content_types.items()}
    pages = {}
    found = (
        Page.objects.live()
        .filter(content_type__in=content_types.values())
        .select_related("locale")
        .only("id", "url_path", "content_type", "locale")
        .order_by("path")
    )
    for page in found:
        pages.setdefault((model_by_type[page.content_type_id], page.locale.language_code), page)
    return pages


def _site_page(context, model):
    """The live page of ``model`` (one of SITE_INFORMATION_PAGES) in the active language, else the default
    language's. One query per generation of the content finds all of them, for the footer, the meta tag and
    forms' consent texts."""
    request = context.get("request")
    pages = getattr(request, "_site_information_pages", None)
    if pages is None:
        pages = cached_for_content(request, "site-information-pages", _site_information_pages)
        if request is not None:
            request._site_information_pages = pages
    return pages.get((model, translation.get_language())) or pages.get((model, settings.LANGUAGE_CODE))


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
