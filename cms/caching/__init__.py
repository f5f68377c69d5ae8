"""Everything the site caches, under which key, and what clears it.

One event clears everything: ``public_content_changed`` (``home.content_events``), which ``cms.caching.events``
sends for every change of public content: a page published, unpublished, moved or deleted; a partner or any
other snippet published, unpublished or deleted; contact details, consent texts, images, documents,
collections, view restrictions, sites or locales saved or deleted. Each model declares beside it whether it is
public content or private data (subscribers, applications, deliveries, index rows, renditions...: those
clear nothing). Drafts never send it. Its subscribers here:

- ``version.content_changed`` starts a new **content version** (``content:version`` in the default cache):
  every key below holds the version, so all of it is orphaned at once, on every app server sharing the cache;
- ``cdn.content_changed`` purges the CDN in front, when ``WAGTAILFRONTENDCACHE`` is set (Wagtail purges a
  published or unpublished page itself).

The search index (``search``) follows the same event with its own receiver.

=====================  ==================================================  ===================  ===================
what                   key (after the cache's ``KEY_PREFIX``)              module               kept for
=====================  ==================================================  ===================  ===================
content version        ``content:version`` → (number, changed_at)           ``version``          until replaced
whole pages            ``page:<version>:<method>:<sha256 of URL>``          ``pages``            PAGE_CACHE_SECONDS
fragments              ``template.cache.<name>.<md5 of version, language,   templates, with      PAGE_CACHE_SECONDS
                       listed values>`` (Django's cache tag)                ``context_processors``
Wagtail's Site         ``site:<version>:<sha256 of host|port>``             ``routing``          PAGE_CACHE_SECONDS
a path's route         ``route:<version>:<sha256 of host+path>``            ``routing``          PAGE_CACHE_SECONDS
API validators         none stored: ETag and Last-Modified derive from      ``api``              portals/CDN keep
                       the version; 304 while it is unchanged                                    API_CACHE_MAX_AGE
=====================  ==================================================  ===================  ===================

The API's per-version look-ups (``lp-api:public-scope:<version>:…`` and ``lp-api:locales:<version>`` in the API
code) key on ``request.content_version``, the version this package reads once per request.

The cache is ``CACHES["default"]``: Redis through django-redis in production (a Redis outage is a logged miss:
pages and API answers are computed afresh, no 304s), a file cache shared by one machine's workers otherwise.
``cms.caching.checks`` warns when it is local to each process.
"""
