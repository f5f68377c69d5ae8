"""The pages a language has one of, the ones the site links to from every page: the news and events indexes, the
partners index, the newsletter, contact and documents pages, the privacy policy… One way for every app to find
them.

They are the page types that declare ``max_count_per_parent = 1`` (Wagtail's own "one below its parent page": the
language's home page, or for the accession form the page that explains how to join).
``site_page(request, NewsletterPage)`` is the first live, public page of that type in the active language, in tree
order, or None; the first call in a request finds every such page of every language in one query, for the rest of
the request (the footer's links, the home page's lists, the forms' consent texts and the accession form's link to
the documents ask for up to eight of them, which took a query each).
"""

from operator import attrgetter

from django.contrib.contenttypes.models import ContentType
from django.utils import translation

from wagtail.models import Page, get_page_models

from .visibility import private_pages_q


def site_page_models():
    """The page types a language's home page holds at most one of."""
    return [model for model in get_page_models() if model.max_count_per_parent == 1]


def site_page(request, model, language=None):
    """The live, public page of ``model`` (a type of ``site_page_models()``) in ``language`` (default: the active
    language), as a page of its type whose own fields load when first read; or None."""
    if model.max_count_per_parent != 1:
        raise ValueError(f"{model.__name__} is not a page type a language has one of (max_count_per_parent = 1)")
    pages = getattr(request, "_site_pages", None)
    if pages is None:
        pages = _site_pages(request)
        if request is not None:
            request._site_pages = pages
    page = pages.get((model, language or translation.get_language()))
    # Made a page of its type only when asked for: a request asks for a few of them.
    return page.specific_deferred if page is not None else None


def _site_pages(request):
    """{(model, language code): page}: the first of each type in each language, as a ``wagtailcore.Page``."""
    content_types = ContentType.objects.get_for_models(*site_page_models())
    model_of = {content_type.pk: model for model, content_type in content_types.items()}
    found = (
        Page.objects.live()
        .exclude(private_pages_q(request))
        .filter(content_type__in=content_types.values())
        .select_related("locale")
        .order_by()
    )
    pages = {}
    # In tree order, sorted here (a page of each type in each language): ordered by path in SQL, SQLite walks the
    # whole page tree instead of reading the pages from the content type's index.
    for page in sorted(found, key=attrgetter("path")):
        pages.setdefault((model_of[page.content_type_id], page.locale.language_code), page)
    return pages
