"""What templates need to cache fragments with Wagtail's ``{% wagtailcache %}`` tag (Django's ``{% cache %}``
that never caches in previews), on the content version:

    {% load wagtail_cache %}
    {% wagtailcache content_cache_seconds "header" content_version LANGUAGE_CODE page.pk %}…{% endwagtailcache %}

- ``content_version``: the content version as the request first read it; every change of public content
  starts a new one, so a fragment is never served after what it shows changed;
- ``content_cache_seconds``: how long a fragment is kept (``PAGE_CACHE_SECONDS``; 0 stores nothing);
- ``content_minute``: the current minute, for fragments that change with the clock (upcoming events leave
  their lists within a minute of their end).

Whatever else a fragment depends on must be listed after the version: ``LANGUAGE_CODE`` for translated or
localised output, ``page.pk`` (never ``page``: a page prints as its title) for output that marks the current page.
Never around a form with a CSRF token or anything else that belongs to one visitor.
"""

import time

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from .version import for_request


def content_cache(request):
    return {
        # Lazy: templates without fragments (the admin's) never read it.
        "content_version": SimpleLazyObject(lambda: for_request(request)),
        "content_cache_seconds": settings.PAGE_CACHE_SECONDS,
        "content_minute": int(time.time() // 60),
    }
