"""The one API router: every endpoint of /api/v2/ is registered here."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.images.api.v2.views import ImagesAPIViewSet

from documents.api import PublicDocumentsAPIViewSet
from home.api import ContactDetailsAPIViewSet, LocalizedPagesAPIViewSet
from partners.api import PartnersAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", LocalizedPagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
api_router.register_endpoint("contact", ContactDetailsAPIViewSet)
api_router.register_endpoint("partners", PartnersAPIViewSet)
