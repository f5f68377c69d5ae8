"""The one API router: every endpoint of /api/v2/ is registered here.

``ContentAPIRouter`` gives each endpoint the shared contract of ``home.api.ContentAPIMixin`` (strict
parameters, JSON errors, ETag/Last-Modified/304, anonymous answers); the schema lives in ``cms/openapi.py``.
"""

from documents.api import PublicDocumentsAPIViewSet
from home.api import (
    ContactDetailsAPIViewSet,
    ContentAPIRouter,
    LanguagesAPIViewSet,
    LocalizedPagesAPIViewSet,
    NavigationAPIViewSet,
    RenditionImagesAPIViewSet,
)
from partners.api import PartnersAPIViewSet

from .openapi import OpenAPISchemaViewSet

api_router = ContentAPIRouter("wagtailapi")
api_router.register_endpoint("pages", LocalizedPagesAPIViewSet)
api_router.register_endpoint("images", RenditionImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
api_router.register_endpoint("contact", ContactDetailsAPIViewSet)
api_router.register_endpoint("partners", PartnersAPIViewSet)
api_router.register_endpoint("languages", LanguagesAPIViewSet)
api_router.register_endpoint("navigation", NavigationAPIViewSet)
api_router.register_endpoint("schema", OpenAPISchemaViewSet)
