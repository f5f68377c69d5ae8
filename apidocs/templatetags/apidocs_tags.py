from django import template

from wagtail.models import Locale

from apidocs.models import ApiDocsPage

register = template.Library()


@register.inclusion_tag("apidocs/includes/api_docs_link.html", takes_context=True)
def api_docs_link(context):
    """A link to the API page in the active language, where it is published."""
    pages = ApiDocsPage.objects.live().public().filter(locale=Locale.get_active())
    page = pages.only("id", "title", "url_path").first()
    return {"api_docs_page": page, "request": context.get("request")}
