from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site pages")

    def ready(self):
        from . import api_cache, checks  # noqa: F401  (checks registers itself)

        api_cache.connect_signals()
