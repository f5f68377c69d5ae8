from django import template
from django.core.cache import cache
from django.utils import translation

from apidocs.models import ApiDocsPage
from home.api_cache import content_version

register = template.Library()

LINK_CACHE_SECONDS = 24 * 60 * 60


@register.inclusion_tag("apidocs/includes/api_docs_link.html", takes_context=True)
def api_docs_link(context):
    """A link to the API page in the active language, where it is published.

    Every page's footer shows it: remembered per language and content version, so it costs no query.
    """
    language = translation.get_language()
    key = f"apidocs:footer-link:{language}:{content_version()[0]}"
    link = cache.get(key)
    if link is None:
        page = ApiDocsPage.objects.live().public().filter(locale__language_code=language).first()
        link = {"url": page.get_url(context.get("request")), "title": page.title} if page else {}
        cache.set(key, link, LINK_CACHE_SECONDS)
    return {"link": link}
