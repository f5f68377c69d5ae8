from django.apps import AppConfig


class CmsConfig(AppConfig):
    """The project package as an app: its signal handlers, error templates' catalogues and checks."""

    name = "cms"
    verbose_name = "CMS"

    def ready(self):
        from .caching import checks, events, pages  # noqa: F401  (checks and pages' Wagtail hook register themselves)

        events.connect()
