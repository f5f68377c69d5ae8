"""The content API's router: Wagtail's, accepting only endpoints that keep the contract, with a JSON 404 for
any other address under /api/v2/."""

from django.core.exceptions import ImproperlyConfigured
from django.urls import re_path

from wagtail.api.v2.router import WagtailAPIRouter

from .contract import ContentAPIMixin
from .errors import not_found


class ContentAPIRouter(WagtailAPIRouter):
    def __init__(self, url_namespace):
        super().__init__(url_namespace)
        #: Every registered endpoint by name (the OpenAPI document lists them).
        self.endpoints = {}

    def register_endpoint(self, name, class_):
        if not issubclass(class_, ContentAPIMixin):
            raise ImproperlyConfigured(f"{class_.__name__} must inherit api.contract.ContentAPIMixin")
        super().register_endpoint(name, class_)
        self.endpoints[name] = class_

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [re_path(r"", not_found)]
