from django import template
from django.db.models import Case, When

from wagtail.models import Locale, Page

from home.site_pages import site_page
from partners.models import PartnerIndexPage, Role
from partners.presenters import format_partial_date

register = template.Library()


@register.filter
def member_since_display(partner):
    """When the partner joined, as far as it is known: "November 2010" / "listopad 2010" in the active language."""
    return format_partial_date(partner.member_since, partner.member_since_precision)


# Words that do not start a name's initials ("Stowarzyszenie na Rzecz …" → "SR").
MONOGRAM_SKIPPED = {"i", "w", "we", "z", "na", "do", "dla", "of", "the", "and", "for", "in"}


@register.filter
def monogram(partner):
    """Up to two letters standing for a partner without a logo (the lettered circle of its card and of the home
    page's wall), from its short name, else its name: the initials of the first two words that are not
    connectives, or the first two letters of a single word. "Lubelska Spółdzielnia Socjalna „KOZIOŁEK”" → "LS",
    "Gmina Lublin" → "GL", short name "KOZIOŁEK" → "KO"."""
    words = ["".join(ch for ch in word if ch.isalnum()) for word in (partner.short_name or partner.name).split()]
    words = [word for word in words if word and word.lower() not in MONOGRAM_SKIPPED]
    if len(words) == 1:
        return words[0][:2].upper()
    return "".join(word[0] for word in words[:2]).upper()


@register.inclusion_tag("partners/includes/logo_wall.html", takes_context=True)
def partner_logo_wall(context, limit=24):
    """The partners of the page's language as a wall of logos (monograms for those without one), initiators first."""
    page = context.get("page")
    locale = page.locale if isinstance(page, Page) else Locale.get_active()
    request = context.get("request")
    index = site_page(request, PartnerIndexPage, locale.language_code)
    if index is None:
        return {"index": None}
    index_url = index.get_url(request)
    partners = list(
        index.partners()
        .select_related("logo")
        .prefetch_related("logo__renditions")
        .order_by(Case(When(role=Role.INITIATOR, then=0), default=1), "name")[:limit]
    )
    for partner in partners:
        partner.detail_url = index.partner_url(partner, index_url)
    return {"index": index, "index_url": index_url, "partners": partners}
