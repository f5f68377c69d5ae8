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

What is cached (keys after the cache's ``KEY_PREFIX``; everything but the version is kept at most
``PAGE_CACHE_SECONDS``):

- the content version: ``content:version`` → ``(number, changed_at)``, until replaced (``version``);
- whole pages: ``page:<version>:<method>:<sha256 of the URL>``, anonymous GETs of Wagtail pages (``pages``);
- fragments: ``template.cache.<name>.<md5 of the version, the language and the listed values>``, written by
  Django's cache tag (Wagtail's ``{% wagtailcache %}``) in templates, with the values of ``context_processors``;
- Wagtail's Site: ``site:<version>:<sha256 of host|port>`` (``routing``);
- a path's route: ``route:<version>:<sha256 of host and path>``, with whether any view restriction applied to its
  page (none: Wagtail's restriction check then costs no query) (``routing``);
- the API: its ``ETag`` and ``Last-Modified`` derive from the version, and portals and CDNs keep answers
  ``API_CACHE_MAX_AGE`` seconds, revalidating with 304s while the version holds; a content endpoint's 200 is
  kept as ``api:<ETag>:<method>:<digest of Accept and language>`` and served without running the view (``api``);
- values views compute from live content, through ``home.content_events.cached_for_content`` (apps below ``cms``
  read the version from ``request.content_version``): ``partner-page:<version>:…`` (a partner and its
  translations' paths), ``partner-sector-counts:<version>:…``, ``news-count:<version>:…``,
  ``event-count:<version>:…`` (the last also per minute: events end by themselves), ``api-count:<version>:…``
  (an API listing's ``total_count``, ``api.contract.KeptCountPagination``).

The site search keeps its matches (``search:<generation>:…``, ``search.query``) and each page of results as shown
(``search-shown:<generation>:…``, ``search.views``) under the search index's generation, which every index write
and every content event moves on.

The API's per-version look-ups (``lp-api:public-scope:<version>:…`` and ``lp-api:locales:<version>`` in the API
code) key on ``request.content_version``, the version this package reads once per request.

The cache is ``CACHES["default"]``: Redis through django-redis in production (a Redis outage is a logged miss:
pages and API answers are computed afresh, no 304s), a file cache shared by one machine's workers otherwise
(``filecache``: Django's, checking its size every few seconds instead of on every write).
``cms.caching.checks`` warns when it is local to each process.
"""
