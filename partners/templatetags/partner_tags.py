from django import template

from partners.presenters import format_partial_date

register = template.Library()


@register.filter
def member_since_display(partner):
    """When the partner joined, as far as it is known: "November 2010" / "listopad 2010" in the active language."""
    return format_partial_date(partner.member_since, partner.member_since_precision)
