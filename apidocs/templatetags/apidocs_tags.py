from django import template

from apidocs.models import ApiDocsPage
from home.site_pages import site_page

register = template.Library()


@register.inclusion_tag("apidocs/includes/api_docs_link.html", takes_context=True)
def api_docs_link(context):
    """A link to the API page in the active language, where it is published (every page's footer shows it,
    inside the layout's cached footer fragment)."""
    request = context.get("request")
    page = site_page(request, ApiDocsPage)
    return {"link": {"url": page.get_url(request), "title": page.title} if page else {}}
