"""The site's languages: every list of language codes comes from here, derived from ``settings.LANGUAGES``
(which ``WAGTAIL_CONTENT_LANGUAGES`` is), and read at call time so that tests may override it."""

from django.conf import settings


def language_codes():
    """The codes of the languages the site serves, default first: ``["pl", "en"]``."""
    return [code for code, _name in settings.LANGUAGES]
