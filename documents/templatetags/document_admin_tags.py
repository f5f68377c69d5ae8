from django import template

from ..models import PlaceholderFile

register = template.Library()


@register.inclusion_tag("documents/admin/placeholder_notice.html")
def placeholder_notice(documents):
    """Names the documents of a listing page that still hold a generated placeholder instead of the original."""
    return {"placeholders": PlaceholderFile.placeholders_among(documents)}
