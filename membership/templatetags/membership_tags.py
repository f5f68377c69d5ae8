"""What other apps' pages show of the online accession: the documents page ends with a link to the form."""

from django import template

from home.site_pages import site_page

from ..models import AccessionPage

register = template.Library()


@register.inclusion_tag("membership/includes/accession_call_to_action.html", takes_context=True)
def accession_call_to_action(context, language):
    """A button to the live, public accession page of ``language`` (``home.site_pages``), when there is one."""
    request = context.get("request")
    return {"request": request, "accession_page": site_page(request, AccessionPage, language)}
