"""The content API's shared layer, and the endpoints owned by the home app.

``ContentAPIMixin`` gives every endpoint the same contract: strict parameters (400 JSON with a message, never
500), 404 JSON for unknown ids and paths, and rich text rendered in the object's own language with absolute
links. Anonymous answers and ``Cache-Control``/``ETag``/``Last-Modified`` with 304 answers come from
``cms.caching.api`` (a middleware for every GET under /api/). ``ContentAPIRouter`` applies the mixin to every
endpoint registered in ``cms/api.py``, so an app's viewset gets it whether or not it inherits it.
"""

from functools import reduce
from operator import or_
from urllib.parse import urlsplit

from rest_framework.fields import Field, SkipField
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.viewsets import GenericViewSet

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q
from django.http import Http404, JsonResponse
from django.urls import NoReverseMatch, path, re_path
from django.utils import translation
from django.utils.translation import get_language_info

from taggit.managers import TaggableManager
from wagtail import fields as wagtail_fields
from wagtail.api import APIField
from wagtail.api.v2.filters import (
    AncestorOfFilter,
    ChildOfFilter,
    DescendantOfFilter,
    FieldsFilter,
    OrderingFilter,
    SearchFilter,
    TranslationOfFilter,
)
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import (
    BaseSerializer,
    DetailUrlField,
    PageHtmlUrlField,
    PageLocaleField,
    PageSerializer,
    TagsField,
)
from wagtail.api.v2.utils import BadRequestError, get_object_detail_url
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.api.validators import SiteFilterValidator
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Locale, Page, PageViewRestriction, Site

from .api_fields import AbsoluteImageRenditionField, AbsoluteLinksRichTextField, AbsoluteLinksStreamField
from .models import ContactDetails


def api_setting(name, default):
    return getattr(settings, name, default)


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


def locale_for_code(code):
    """The Locale for a ``?locale=`` value, or a 400 naming the languages the site has."""
    locale = Locale.objects.filter(language_code=code).first() if code in language_codes() else None
    if locale is None:
        raise BadRequestError(f"locale must be one of: {', '.join(language_codes())}")
    return locale


class StrictLocaleFilter:
    """``?locale=pl|en``: an unknown language is a bad request (stock Wagtail answers 404)."""

    def filter_queryset(self, request, queryset, view):
        if "locale" not in request.GET:
            return queryset
        locale = locale_for_code(request.GET["locale"])
        filtered_by_child_of = getattr(queryset, "_filtered_by_child_of", None)
        queryset = queryset.filter(locale=locale)
        if filtered_by_child_of:
            queryset._filtered_by_child_of = filtered_by_child_of
        return queryset


class WhenFilter:
    """``?when=upcoming|past`` for page types that define what that means (``Model.upcoming(queryset)`` and
    ``Model.past(queryset)``, e.g. events): ``?type=news.EventPage&when=upcoming``."""

    def filter_queryset(self, request, queryset, view):
        when = request.GET.get("when")
        if when is None:
            return queryset
        if when not in ("upcoming", "past"):
            raise BadRequestError("when must be 'upcoming' or 'past'")
        select = getattr(queryset.model, when, None)
        if not callable(select):
            raise BadRequestError("when needs a type whose pages have dates, e.g. type=news.EventPage")
        return select(queryset)


def localized_serializer(serializer_class):
    """``serializer_class`` rendering each object in its own language, rich text with absolute links."""
    return type(
        serializer_class.__name__,
        (LocalizedSerializerMixin, serializer_class),
        {
            "serializer_field_mapping": {
                **serializer_class.serializer_field_mapping,
                wagtail_fields.StreamField: AbsoluteLinksStreamField,
                wagtail_fields.RichTextField: AbsoluteLinksRichTextField,
            }
        },
    )


class PrefetchedTagsField(TagsField):
    """Tag names, read from ``prefetch_related("tags")`` when the view prefetched them (one query per listing)."""

    def to_representation(self, value):
        return sorted(tag.name for tag in value.all())


class LocalizedSerializerMixin:
    """Serialises a translatable object in its own language, so rich text links point to that language's pages.

    The stock serializers render in the request's active language: an English page linked to /pl/… pages.
    """

    def build_property_field(self, field_name, model_class):
        field_class, kwargs = super().build_property_field(field_name, model_class)
        return (PrefetchedTagsField if field_class is TagsField else field_class), kwargs

    def to_representation(self, instance):
        locale = getattr(instance, "locale", None)
        if locale is None:
            return super().to_representation(instance)
        with translation.override(locale.language_code):
            return super().to_representation(instance)


class ContentAPIMixin:
    """What every endpoint of the content API shares; see the module's docstring."""

    authentication_classes = []
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]
    # Parameters whose answer changes with the clock, not only with the content: their ETags expire.
    time_dependent_parameters = frozenset(["when"])
    # Query parameters that must be whole numbers; "root" is the site's home page for the page filters.
    integer_query_parameters = {"limit": (), "offset": (), "id": ()}

    # --- strict parameters ---------------------------------------------------------------------------
    def initial(self, request, *args, **kwargs):
        self.validate_query_parameters(request.GET)
        super().initial(request, *args, **kwargs)

    def validate_query_parameters(self, params):
        for name, value in params.lists():
            if "\x00" in name or any("\x00" in v for v in value):
                raise BadRequestError("query parameters must not contain null characters")
            if len(value) > 1:
                raise BadRequestError(f"{name} must be given once")
        for name, allowed_words in self.integer_query_parameters.items():
            value = params.get(name)
            if value is None or value in allowed_words:
                continue
            if not value.isascii() or not value.isdigit():
                raise BadRequestError(f"{name} must be a positive integer")
            if len(value) > 18:
                raise BadRequestError(f"{name} is too large")
        offset_max = api_setting("API_OFFSET_MAX", 10_000)
        if "offset" in params and int(params["offset"]) > offset_max:
            raise BadRequestError(f"offset cannot be higher than {offset_max}")
        if params.get("format", "json") != "json":
            raise BadRequestError("format must be json")
        search_max = api_setting("API_SEARCH_MAX_LENGTH", 200)
        if len(params.get("search", "")) > search_max:
            raise BadRequestError(f"search cannot be longer than {search_max} characters")
        operator = params.get("search_operator")
        if operator is not None and operator not in ("and", "or"):
            raise BadRequestError("search_operator must be 'and' or 'or'")

    def handle_exception(self, exc):
        if isinstance(exc, Http404):
            return Response({"message": str(exc) or "not found"}, status=404)
        if isinstance(exc, BadRequestError):
            return Response({"message": str(exc)}, status=400)
        return super().handle_exception(exc)

    def invalid_id_view(self, request, pk):
        raise BadRequestError("id must be a positive integer")

    @classmethod
    def get_urlpatterns(cls):
        return super().get_urlpatterns() + [
            re_path(r"^(?P<pk>[^/]+)/$", cls.as_view({"get": "invalid_id_view"}), name="invalid_id"),
        ]

    # --- serialisation -------------------------------------------------------------------------------
    def get_renderer_context(self):
        # Compact JSON: Wagtail asks for an indent of 4, which takes Python's JSON encoder off its C path
        # (several times slower on a listing) and adds a fifth to the answer's size; the data is the same.
        context = super().get_renderer_context()
        context.pop("indent", None)
        return context

    def get_queryset(self):
        queryset = super().get_queryset()
        try:
            tags = queryset.model._meta.get_field("tags")
        except FieldDoesNotExist:
            return queryset
        # Every listed object's tags in one query (the stock field asks once per object).
        return queryset.prefetch_related("tags") if isinstance(tags, TaggableManager) else queryset

    @classmethod
    def _get_serializer_class(cls, *args, **kwargs):
        return localized_serializer(super()._get_serializer_class(*args, **kwargs))


class NotAModel:
    """The ``model`` of endpoints that serve no single model: the router never matches an object to them."""


class SingleResourceAPIViewSet(ContentAPIMixin, GenericViewSet):
    """An endpoint answering one JSON document at its root (navigation, languages, schema)."""

    model = NotAModel
    known_query_parameters = frozenset()

    def check_known_parameters(self, request):
        unknown = set(request.GET) - set(self.known_query_parameters)
        if unknown:
            raise BadRequestError(
                "query parameter is not an operation or a recognised field: " + ", ".join(sorted(unknown))
            )

    def resource_view(self, request):
        self.check_known_parameters(request)
        return Response(self.get_resource(request))

    def get_resource(self, request):
        raise NotImplementedError

    @classmethod
    def get_urlpatterns(cls):
        return [path("", cls.as_view({"get": "resource_view"}), name="listing")]


# --- pages ---------------------------------------------------------------------------------------------
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


PUBLIC_SCOPE_CACHE_SECONDS = 24 * 60 * 60


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


class LocalizedPageSerializer(PageSerializer):
    detail_url = PageDetailUrlField(read_only=True)
    html_url = PageFullUrlField(read_only=True)
    translations = PageTranslationsField(read_only=True)


class LocalizedPagesAPIViewSet(ContentAPIMixin, PagesAPIViewSet):
    """Pages in either language, each with its translations; ``find`` understands /pl/… and /en/… paths."""

    base_serializer_class = LocalizedPageSerializer
    filter_backends = [
        FieldsFilter,
        ChildOfFilter,
        AncestorOfFilter,
        DescendantOfFilter,
        WhenFilter,
        OrderingFilter,
        TranslationOfFilter,
        StrictLocaleFilter,
        SearchFilter,  # last: search results cannot be filtered further
    ]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(["when"])
    meta_fields = PagesAPIViewSet.meta_fields + ["translations"]
    listing_default_fields = PagesAPIViewSet.listing_default_fields + ["translations"]
    integer_query_parameters = {
        **ContentAPIMixin.integer_query_parameters,
        "child_of": ("root",),
        "descendant_of": ("root",),
        "translation_of": ("root",),
        "ancestor_of": (),
    }

    def get_public_pages(self):
        # Read once per request (the filters ask for the base queryset again).
        if getattr(self, "_public_pages", None) is None:
            try:
                self._public_pages = PublicPages(self.request)
            except Http404 as e:
                raise BadRequestError("site must be the host name (and port) of one of the sites") from e
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

    def find_object(self, queryset, request):
        if "html_path" in request.GET:
            page = self.route_html_path(request, request.GET["html_path"])
            if page is not None and queryset.filter(id=page.id).exists():
                return page
            return None
        if "id" in request.GET:
            return super().find_object(queryset, request)
        raise BadRequestError("find needs an html_path or id parameter")

    def route_html_path(self, request, html_path):
        """The page at ``html_path``: /en/… is routed from the English home page, /pl/… or no prefix from the
        Polish one (stock Wagtail routes every path from the default language's tree, wagtail#6679)."""
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
        return page


class RenditionImagesAPIViewSet(ContentAPIMixin, ImagesAPIViewSet):
    """Images with a ready-to-use rendition: absolute URL, width, height and alt text."""

    rendition_filter = "max-1200x1200"
    body_fields = ImagesAPIViewSet.body_fields + [
        "rendition",
    ]
    listing_default_fields = ImagesAPIViewSet.listing_default_fields + ["rendition"]

    @classmethod
    def get_body_fields(cls, model):
        fields = super().get_body_fields(model)
        return [
            APIField("rendition", serializer=AbsoluteImageRenditionField(cls.rendition_filter, source="*"))
            if field.name == "rendition"
            else field
            for field in fields
        ]

    def get_queryset(self):
        return super().get_queryset().prefetch_renditions(self.rendition_filter)


# --- the site as a whole: languages and navigation -------------------------------------------------------
def page_summary(page, request, router):
    return {
        "id": page.pk,
        "title": page.title,
        "html_url": full_url(page, request),
        "detail_url": get_object_detail_url(router, request, Page, page.pk),
    }


class LanguagesAPIViewSet(SingleResourceAPIViewSet):
    """The site's languages, the default first, each with its home page."""

    name = "languages"

    def get_resource(self, request):
        site = Site.find_for_request(request)
        homes = {}
        if site is not None:
            for home in site.root_page.get_translations(inclusive=True).live().public().select_related("locale"):
                homes[home.locale.language_code] = home
        router = request.wagtailapi_router
        items = []
        for code in language_codes():
            info = get_language_info(code)
            home = homes.get(code)
            items.append(
                {
                    "code": code,
                    "name": info["name"],
                    "name_local": info["name_local"],
                    "is_default": code == settings.LANGUAGE_CODE,
                    "home": page_summary(home, request, router) if home else None,
                }
            )
        return {"meta": {"total_count": len(items), "default": settings.LANGUAGE_CODE}, "items": items}


class NavigationAPIViewSet(SingleResourceAPIViewSet):
    """The main menu in one language: the home page and its live, public children shown in menus."""

    name = "navigation"
    known_query_parameters = frozenset(["locale"])

    def get_resource(self, request):
        locale = locale_for_code(request.GET.get("locale", settings.LANGUAGE_CODE))
        site = Site.find_for_request(request)
        home = site.root_page.get_translation_or_none(locale) if site else None
        if home is None or not home.live:
            raise Http404("this language has no published home page")
        router = request.wagtailapi_router
        items = home.get_children().live().public().in_menu().select_related("locale")
        return {
            "meta": {"locale": locale.language_code, "total_count": len(items)},
            "home": page_summary(home, request, router),
            "items": [page_summary(item, request, router) for item in items],
        }


# --- contact details ------------------------------------------------------------------------------------
class LocaleQueryFilter:
    """``?locale=pl|en`` for non-page models that carry a locale."""

    def filter_queryset(self, request, queryset, view):
        if "locale" not in request.GET:
            return queryset
        return queryset.filter(locale=locale_for_code(request.GET["locale"]))


class ContactDetailsSerializer(BaseSerializer):
    locale = PageLocaleField(read_only=True)


class ContactDetailsAPIViewSet(ContentAPIMixin, BaseAPIViewSet):
    """The partnership's contact details, one record per language."""

    model = ContactDetails
    name = "contact"
    base_serializer_class = ContactDetailsSerializer
    filter_backends = [FieldsFilter, OrderingFilter, LocaleQueryFilter]
    known_query_parameters = BaseAPIViewSet.known_query_parameters.union(["locale"])
    meta_fields = BaseAPIViewSet.meta_fields + ["locale"]
    listing_default_fields = BaseAPIViewSet.listing_default_fields + [
        "locale",
        "organisation_name",
        "secretary_name",
        "street",
        "postcode",
        "city",
        "phone",
        "email",
    ]

    def get_queryset(self):
        return ContactDetails.objects.select_related("locale").order_by("id")


# --- the router -----------------------------------------------------------------------------------------
def api_not_found(request, *args, **kwargs):
    return JsonResponse({"message": "no API endpoint at this address"}, status=404)


class ContentAPIRouter(WagtailAPIRouter):
    """Wagtail's router, giving every endpoint the content API's contract and a JSON 404 for unknown paths."""

    def register_endpoint(self, name, class_):
        if not issubclass(class_, ContentAPIMixin):
            class_ = type(class_.__name__, (ContentAPIMixin, class_), {"__module__": class_.__module__})
        super().register_endpoint(name, class_)

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [re_path(r"", api_not_found)]
