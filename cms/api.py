"""The one API router: every endpoint of /api/v2/ is registered here (the endpoints live in the ``api`` package)."""

from api.contact import ContactDetailsAPIViewSet
from api.documents import DocumentsAPIViewSet
from api.images import ImagesAPIViewSet
from api.languages import LanguagesAPIViewSet
from api.navigation import NavigationAPIViewSet
from api.openapi import OpenAPISchemaViewSet
from api.pages import PagesAPIViewSet
from api.partners import PartnersAPIViewSet
from api.router import ContentAPIRouter

api_router = ContentAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
api_router.register_endpoint("contact", ContactDetailsAPIViewSet)
api_router.register_endpoint("partners", PartnersAPIViewSet)
api_router.register_endpoint("languages", LanguagesAPIViewSet)
api_router.register_endpoint("navigation", NavigationAPIViewSet)
api_router.register_endpoint("schema", OpenAPISchemaViewSet)
