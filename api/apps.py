from django.apps import AppConfig


class APIConfig(AppConfig):
    name = "api"
    # "api" alone is too generic a label beside Wagtail's and DRF's apps.
    label = "content_api"
