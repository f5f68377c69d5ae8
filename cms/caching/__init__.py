"""Everything the site caches, under which key, and what clears it.

``cms.caching.events`` turns every change of public content into the one ``public_content_changed`` event of
``home.content_events`` (each model's role is declared beside the model); every cache of this package follows
that event.
"""
