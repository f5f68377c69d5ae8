from django.apps import AppConfig


class CmsConfig(AppConfig):
    """The project package as an app: its signal handlers, error templates' catalogues and checks."""

    name = "cms"
    verbose_name = "CMS"

    def ready(self):
        from . import pagecache
        from .caching import events

        events.connect()
        pagecache.connect_signals()
