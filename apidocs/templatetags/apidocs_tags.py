from django import template
from django.utils import translation

from apidocs.models import ApiDocsPage
from home.visibility import private_pages_q

register = template.Library()


@register.inclusion_tag("apidocs/includes/api_docs_link.html", takes_context=True)
def api_docs_link(context):
    """A link to the API page in the active language, where it is published (every page's footer shows it,
    inside the layout's cached footer fragment)."""
    request = context.get("request")
    pages = ApiDocsPage.objects.live().exclude(private_pages_q(request))
    page = pages.filter(locale__language_code=translation.get_language()).first()
    return {"link": {"url": page.get_url(request), "title": page.title} if page else {}}
