from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebhooksConfig(AppConfig):
    name = "webhooks"
    verbose_name = _("Webhooks")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from home.content_events import public_content_changed

        from . import checks  # noqa: F401  (registers the system checks)
        from .events import content_changed

        public_content_changed.connect(content_changed, dispatch_uid="webhooks")
