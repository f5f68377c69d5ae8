from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Editorial workflow")

    def ready(self):
        from .permissions import register_language_scoped_policies

        # Before any admin view asks the registry, or Wagtail would have created its fallback policies.
        register_language_scoped_policies()
