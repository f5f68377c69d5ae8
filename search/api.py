"""The pages API's ``?search=``, answered by the site search (Polish inflection, no diacritics needed)."""

from django.db.models import Case, IntegerField, When

from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.utils import BadRequestError
from wagtail.models import Locale

from home.api import LocalizedPagesAPIViewSet

from .query import page_entries, search_entries

MAX_API_RESULTS = 1000


class SiteSearchFilter(SearchFilter):
    """Replaces Wagtail's filter of the same place: ``?search=`` with ``?locale=`` searches that language only."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        if getattr(queryset, "_filtered_by_tag", False):
            raise BadRequestError("filtering by tag with a search query is not supported")
        code = request.GET.get("locale")
        locales = Locale.objects.filter(language_code=code) if code else None
        entries = page_entries(search_entries(request.GET["search"], locales))
        page_ids = list(entries.values_list("page_id", flat=True)[:MAX_API_RESULTS])
        queryset = queryset.filter(pk__in=page_ids)
        if "order" in request.GET:
            return queryset
        relevance = Case(
            *(When(pk=page_id, then=position) for position, page_id in enumerate(page_ids)),
            default=len(page_ids),
            output_field=IntegerField(),
        )
        return queryset.order_by(relevance) if page_ids else queryset


class SearchablePagesAPIViewSet(LocalizedPagesAPIViewSet):
    filter_backends = [
        SiteSearchFilter if backend is SearchFilter else backend for backend in LocalizedPagesAPIViewSet.filter_backends
    ]
