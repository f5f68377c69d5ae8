from django.utils.translation import gettext_lazy as _

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from documents.models import DocumentIndexPage
from home.models import ContentPage
from home.site_pages import site_page

from . import views
from .applications import ApplicationStatus, MembershipApplication

__all__ = ["AccessionPage", "ApplicationStatus", "MembershipApplication"]


class AccessionPage(RoutablePageMixin, ContentPage):
    """ "Deklaracja przystąpienia online": the form an institution fills in to ask to join the partnership."""

    parent_page_types = ["home.StandardPage"]
    subpage_types = []
    max_count_per_parent = 1

    api_fields = ContentPage.api_fields

    class Meta:
        verbose_name = _("online accession declaration page")
        verbose_name_plural = _("online accession declaration pages")

    def get_documents_page(self, request=None):
        return site_page(request, DocumentIndexPage, self.locale.language_code)

    @path("")
    def application_form(self, request):
        return views.application_form(request, self)

    @path("thank-you/")
    def thank_you(self, request):
        return views.thank_you(request, self)

    @path("declaration/<uuid:token>/")
    def filled_declaration(self, request, token):
        return views.filled_declaration(request, self, token)

    @path("confirm/<uuid:token>/<str:signature>/")
    def confirm_address(self, request, token, signature):
        return views.confirm_address(request, self, token, signature)
