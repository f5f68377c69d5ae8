"""What the partner pages show: the listing of one request with its filters, dates as people write them."""

from django.core.paginator import Paginator
from django.db import models
from django.utils import formats
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from home.content_events import cached_for_content

from .choices import DatePrecision, Sector


def format_partial_date(value, precision):
    """Only as much of the date as is known, in the active language: "2015", "November 2010", "23 November 2010"."""
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return str(value.year)
    if precision == DatePrecision.MONTH:
        return formats.date_format(value, "YEAR_MONTH_FORMAT")
    return formats.date_format(value, "DATE_FORMAT")


class PartnerListing:
    """The partners an index page shows for one request: filters read from the query string, never trusted."""

    def __init__(self, page, request):
        self.page = page
        self.notices = []
        requested_sector = request.GET.get("sector", "").strip()
        # Control characters never belong in a name; PostgreSQL refuses a NUL byte in a query outright.
        self.query = "".join(ch for ch in request.GET.get("q", "") if ch.isprintable()).strip()[:100]
        self.sector = requested_sector if requested_sector in Sector.values else ""
        if requested_sector and not self.sector:
            self.notices.append(_("There is no such sector; all sectors are shown."))

        matching = page.partners().matching(self.query)

        def count_by_sector():
            return dict(matching.order_by().values_list("sector").annotate(n=models.Count("pk")))

        # Without a name searched for, the counts are the same for every visitor until the content changes.
        counts = (
            cached_for_content(request, "partner-sector-counts", (page.pk,), count_by_sector)
            if not self.query
            else count_by_sector()
        )
        self.total = sum(counts.values())
        self.sectors = [
            {
                "value": value,
                "label": label,
                "count": counts.get(value, 0),
                "selected": value == self.sector,
                "query": self.query_string(sector=value),
            }
            for value, label in Sector.choices
        ]
        self.all_sectors_query = self.query_string(sector="")

        listed = matching.in_sector(self.sector).select_related("logo").prefetch_related("logo__renditions")
        paginator = Paginator(listed, page.partners_per_page)
        # Known from the sector counts above: the paginator need not count again.
        paginator.count = counts.get(self.sector, 0) if self.sector else self.total
        # get_page() answers page=abc with the first page and page=9999 with the last.
        self.page_obj = paginator.get_page(request.GET.get("page"))
        index_url = page.get_url(request)
        self.previous_query = (
            self.query_string(page=self.page_obj.previous_page_number()) if self.page_obj.has_previous() else ""
        )
        self.next_query = self.query_string(page=self.page_obj.next_page_number()) if self.page_obj.has_next() else ""
        self._index_url = index_url

    @cached_property
    def partners(self):
        """The partners of the page shown; looked up only when the template's cached cards are not used."""
        partners = list(self.page_obj.object_list)
        for partner in partners:
            partner.detail_url = self.page.partner_url(partner, self._index_url)
        return partners

    @property
    def is_filtered(self):
        return bool(self.sector or self.query)

    def query_string(self, **changes):
        """The current filters with ``changes`` applied, for links that keep the rest of the view."""
        params = {"sector": self.sector, "q": self.query}
        params.update(changes)
        return urlencode({key: value for key, value in params.items() if value})
