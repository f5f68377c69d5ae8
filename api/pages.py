"""``/api/v2/pages/``: live, public pages in either language, each with its translations; ``find`` understands
/pl/… and /en/… paths; ``?search=`` is the site search (Polish inflection, no diacritics needed)."""

import re
from functools import reduce
from operator import or_
from urllib.parse import urlsplit

from rest_framework.fields import Field, SkipField

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.http import Http404
from django.urls import NoReverseMatch
from django.utils import translation
from django.utils.translation import gettext as _

from wagtail.api.v2.serializers import DetailUrlField, PageHtmlUrlField, PageSerializer
from wagtail.api.v2.utils import BadRequestError, get_object_detail_url
from wagtail.api.v2.views import PagesAPIViewSet as WagtailPagesAPIViewSet
from wagtail.api.validators import SiteFilterValidator
from wagtail.models import Locale, Page, PageViewRestriction, Site

from home.languages import language_codes

from .contract import ContentAPIMixin
from .errors import NotFound
from .filters import (
    AncestorOfFilter,
    ChildOfFilter,
    DescendantOfFilter,
    FieldFilter,
    OrderingFilter,
    PageLocaleFilter,
    SearchFilter,
    TranslationOfFilter,
    WhenFilter,
)
from .parameters import ID, RICH_TEXT_FORMAT, QueryParameter

PUBLIC_SCOPE_CACHE_SECONDS = 24 * 60 * 60


def page_models():
    """Every concrete page type of the site."""
    return [model for model in apps.get_models() if issubclass(model, Page) and model is not Page]


def page_type_name(model):
    return f"{model._meta.app_label}.{model.__name__}"


def full_url(page, request):
    """``page.full_url``, with the request as Wagtail's per-request cache of the sites' root paths: a listing
    looks them up once, not once per page (``full_url`` reads them from the cache for every page)."""
    try:
        return page.get_full_url(request)
    except NoReverseMatch:
        return None


class PageFullUrlField(PageHtmlUrlField):
    """``meta.html_url`` (see ``full_url``)."""

    def to_representation(self, page):
        return full_url(page, self.context.get("request"))


#: A page id no site reaches: the detail URL reversed for it gives the form of every page's detail URL.
_DETAIL_URL_PROBE = 987654321987


def page_detail_url(context, pk):
    """``get_object_detail_url`` of a page, with Django's URL reversing done once per answer, not per page."""
    forms = context.setdefault("_page_detail_url_forms", {})
    language = translation.get_language()
    if language not in forms:
        url = get_object_detail_url(context["router"], context["request"], Page, _DETAIL_URL_PROBE)
        forms[language] = url.rpartition(str(_DETAIL_URL_PROBE))[::2] if url else None
    form = forms[language]
    return f"{form[0]}{pk}{form[1]}" if form else None


class PageDetailUrlField(DetailUrlField):
    """``meta.detail_url`` of a page (see ``page_detail_url``)."""

    def get_attribute(self, instance):
        url = page_detail_url(self.context, instance.pk)
        if url is None:
            raise SkipField
        return url


class PageTranslationsField(Field):
    """``meta.translations``: the page's other live, public language versions.

    Read from ``view.translations_for(page)``, which fetches them for a whole listing in one query.
    """

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        view, request = self.context["view"], self.context["request"]
        return [
            {
                "id": other.pk,
                "locale": other.locale.language_code,
                "title": other.title,
                "html_url": full_url(other, request),
                "detail_url": page_detail_url(self.context, other.pk),
            }
            for other in view.translations_for(page)
        ]


class PublicPages:
    """What Wagtail's ``get_public_pages_queryset`` selects: the live pages of the requested site's language
    trees, less the view-restricted subtrees the request does not pass. The restrictions and the site's home
    pages are read once per content version, not by two queries on every answer."""

    def __init__(self, request):
        site = SiteFilterValidator(site=request.GET.get("site"), request=request).site_obj
        version = getattr(request, "content_version", None)  # read by cms.caching for every API request
        key = f"lp-api:public-scope:{version}:{site.pk if site else ''}"
        scope = cache.get(key) if version else None
        if scope is None:
            restrictions = list(PageViewRestriction.objects.select_related("page"))
            homes = [site.root_page, *site.root_page.get_translations()] if site else []
            if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
                homes = homes[:1]
            scope = (restrictions, [(home.path, home.depth) for home in homes])
            if version:
                cache.set(key, scope, PUBLIC_SCOPE_CACHE_SECONDS)
        restrictions, self.homes = scope
        #: The subtrees (path, depth) hidden from this request.
        self.hidden = [
            (restriction.page.path, restriction.page.depth)
            for restriction in restrictions
            if not restriction.accept_request(request)
        ]

    def queryset(self):
        if not self.homes:
            return Page.objects.none()
        queryset = Page.objects.live().filter(
            reduce(or_, (Q(path__startswith=home_path, depth__gte=depth) for home_path, depth in self.homes))
        )
        for hidden_path, depth in self.hidden:
            queryset = queryset.exclude(path__startswith=hidden_path, depth__gte=depth)
        return queryset

    def includes(self, page):
        """Whether ``queryset()`` holds ``page`` (a live page, with its path and depth loaded)."""

        def within(subtrees):
            return any(page.path.startswith(top) and page.depth >= depth for top, depth in subtrees)

        return page.live and within(self.homes) and not within(self.hidden)


def with_locales(pages, request):
    """``pages``, each given its Locale from the site's few (read once per content version): every page
    reports meta.locale and is serialised in its language, without a join or a query per page."""
    version = getattr(request, "content_version", None)  # read by cms.caching for every API request
    key = f"lp-api:locales:{version}"
    locales = cache.get(key) if version else None
    if locales is None:
        locales = {locale.pk: locale for locale in Locale.all_objects.all()}
        if version:
            cache.set(key, locales, PUBLIC_SCOPE_CACHE_SECONDS)
    pages = list(pages)
    for page in pages:
        if page.locale_id in locales:
            page.locale = locales[page.locale_id]
    return pages


def type_schema():
    names = "|".join(re.escape(page_type_name(model)) for model in page_models())
    return {"type": "string", "pattern": rf"^(?:{names})(?:,(?:{names}))*$"}


TYPE = QueryParameter(
    "type",
    "Page type(s), comma-separated. With one type, that type's own fields (its schema in this document) join "
    "`fields`, `order` and the field filters, and a dated type (`news.EventPage`) takes `when=upcoming|past`; "
    "the parameters listed here are those valid without it.",
    type_schema,
)
SITE = QueryParameter(
    "site",
    "The site's host name (and port), when not the one asked; one that is no site of ours answers 404.",
    {"type": "string", "pattern": r"^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})(?::[0-9]{1,5})?$"},
)
HTML_PATH = QueryParameter(
    "html_path",
    "The page's path, with or without its language prefix: `/en/about/`.",
    {"type": "string", "minLength": 1},
)


class LocalizedPageSerializer(PageSerializer):
    detail_url = PageDetailUrlField(read_only=True)
    html_url = PageFullUrlField(read_only=True)
    translations = PageTranslationsField(read_only=True)


class PagesAPIViewSet(ContentAPIMixin, WagtailPagesAPIViewSet):
    """Pages in either language, each with its translations; ``find`` understands /pl/… and /en/… paths."""

    base_serializer_class = LocalizedPageSerializer
    filter_backends = [
        FieldFilter,
        ChildOfFilter,
        AncestorOfFilter,
        DescendantOfFilter,
        WhenFilter,
        OrderingFilter,
        TranslationOfFilter,
        PageLocaleFilter,
        SearchFilter,  # last: search results cannot be filtered further
    ]
    common_parameters = (*ContentAPIMixin.common_parameters, RICH_TEXT_FORMAT, SITE)
    listing_parameters = (*ContentAPIMixin.listing_parameters, TYPE)
    find_parameters = (HTML_PATH, QueryParameter("id", "A page id.", ID))
    meta_fields = WagtailPagesAPIViewSet.meta_fields + ["translations"]
    listing_default_fields = WagtailPagesAPIViewSet.listing_default_fields + ["translations"]

    @classmethod
    def models(cls):
        return [Page, *page_models()]

    def get_public_pages(self):
        # Read once per request (the filters ask for the base queryset again).
        if getattr(self, "_public_pages", None) is None:
            try:
                self._public_pages = PublicPages(self.request)
            except Http404 as e:
                raise NotFound(_("There is no site at this host name.")) from e
            except ValueError as e:
                raise BadRequestError(str(e)) from e
        return self._public_pages

    def get_base_queryset(self):
        return self.get_public_pages().queryset()

    def get_object(self):
        return with_locales([super().get_object()], self.request)[0]

    def paginate_queryset(self, queryset):
        pages = with_locales(list(super().paginate_queryset(queryset)), self.request)
        self.prefetch_translations(pages)
        return pages

    def prefetch_translations(self, pages):
        """Fetch the live, public translations of ``pages`` that are not listed themselves, in one query."""
        keys = {page.translation_key for page in pages}
        candidates = (
            Page.objects.live()
            .filter(translation_key__in=keys)
            .exclude(pk__in=[page.pk for page in pages])
            .only("id", "title", "url_path", "translation_key", "locale", "path", "depth", "live")
        )
        # Checked here against the public pages' scope: the query stays a plain look-up by translation key.
        public = self.get_public_pages()
        others = with_locales((other for other in candidates if public.includes(other)), self.request)
        self._translations = {}
        for other in sorted([*pages, *others], key=lambda page: page.locale.language_code):
            self._translations.setdefault(other.translation_key, []).append(other)

    def translations_for(self, page):
        if getattr(self, "_translations", None) is None or page.translation_key not in self._translations:
            self.prefetch_translations([page])
        return [other for other in self._translations.get(page.translation_key, []) if other.pk != page.pk]

    def find_view(self, request):
        response = super().find_view(request)
        # Wagtail appends "?" and the remaining parameters; with none left the bare "?" goes.
        if response.get("Location", "").endswith("?"):
            response["Location"] = response["Location"][:-1]
        return response

    def find_object(self, queryset, request):
        if "html_path" in request.GET:
            page = self.route_html_path(request, request.GET["html_path"])
            if page is not None and queryset.filter(id=page.id).exists():
                return page
            return None
        if "id" in request.GET:
            return super().find_object(queryset, request)
        # Nothing named is nothing found (both parameters are optional, so the document cannot require one).
        return None

    def route_html_path(self, request, html_path):
        """The page at exactly ``html_path``: /en/… is routed from the English home page, /pl/… or no prefix from
        the Polish one (stock Wagtail routes every path from the default language's tree, wagtail#6679). A path
        a page answers below itself (a partner under the Partners page) is not that page."""
        site = Site.find_for_request(request)
        if site is None:
            return None
        if html_path.startswith(("http://", "https://")):
            html_path = urlsplit(html_path).path
        components = [component for component in html_path.split("/") if component]
        root = site.root_page
        if components and components[0] in language_codes():
            root = root.get_translation_or_none(Locale.objects.filter(language_code=components[0]).first())
            components = components[1:]
        if root is None:
            return None
        try:
            page, _args, _kwargs = root.specific.route(request, components)
        except Http404:
            return None
        if page.url_path != root.url_path + "".join(f"{component}/" for component in components):
            return None
        return page


def page_summary(page, request, router):
    """A page as the site-wide endpoints (languages, navigation) list it."""
    return {
        "id": page.pk,
        "title": page.title,
        "html_url": full_url(page, request),
        "detail_url": get_object_detail_url(router, request, Page, page.pk),
    }
