"""Which pages are public, looked up once per request.

Wagtail's ``PageQuerySet.public()`` reads every view restriction each time it is called; a page that lists
several kinds of pages (the menu, the language links, the home page's news, events and partners) would read them
once per list. ``queryset.exclude(private_pages_q(request))`` is the same filter, read once per request.
"""

from wagtail.models import Page


def private_pages_q(request=None):
    """Wagtail's ``private_q()`` (pages in a private section), kept on ``request`` for its other listings."""
    if request is None:
        return Page.objects.private_q()
    if not hasattr(request, "_private_pages_q"):
        request._private_pages_q = Page.objects.private_q()
    return request._private_pages_q
