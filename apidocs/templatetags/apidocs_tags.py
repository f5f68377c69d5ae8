from django import template
from django.utils import translation

from apidocs.models import ApiDocsPage

register = template.Library()


@register.inclusion_tag("apidocs/includes/api_docs_link.html", takes_context=True)
def api_docs_link(context):
    """A link to the API page in the active language, where it is published (every page's footer shows it,
    inside the layout's cached footer fragment)."""
    page = ApiDocsPage.objects.live().public().filter(locale__language_code=translation.get_language()).first()
    return {"link": {"url": page.get_url(context.get("request")), "title": page.title} if page else {}}
