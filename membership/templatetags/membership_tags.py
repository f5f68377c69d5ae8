"""What other apps' pages show of the online accession: the documents page ends with a link to the form."""

from django import template

from ..models import AccessionPage

register = template.Library()


@register.inclusion_tag("membership/includes/accession_call_to_action.html", takes_context=True)
def accession_call_to_action(context, locale):
    """A button to the live, public accession page of ``locale`` (a ``Locale`` or its id), when there is one."""
    page = AccessionPage.objects.live().public().filter(locale=locale).first()
    return {"request": context.get("request"), "accession_page": page}
