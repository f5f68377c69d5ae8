from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import ERASE_ACTION, EXPORT_ACTION, PersonalDataView, user_can_manage_personal_data
from .document_links import NamelessDocumentLinkHandler
from .models import ContactDetails


class ContactDetailsViewSet(SnippetViewSet):
    model = ContactDetails
    icon = "mail"
    menu_label = _("Contact details")
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["organisation_name", "secretary_name", "phone", "email", "locale"]


register_snippet(ContactDetailsViewSet)


@hooks.register("register_admin_urls")
def register_personal_data_url():
    return [path("personal-data/", PersonalDataView.as_view(), name="personal_data")]


class PersonalDataMenuItem(MenuItem):
    def is_shown(self, request):
        return user_can_manage_personal_data(request.user)


@hooks.register("register_settings_menu_item")
def register_personal_data_menu_item():
    return PersonalDataMenuItem(_("Personal data"), reverse("personal_data"), icon_name="user", order=900)


@hooks.register("register_log_actions")
def register_personal_data_log_actions(actions):
    actions.register_action(EXPORT_ACTION, _("Export personal data"), _("Personal data exported"))
    actions.register_action(ERASE_ACTION, _("Erase personal data"), _("Personal data erased"))


@hooks.register("register_rich_text_features", order=1)
def link_documents_without_restricted_names(features):
    # After Wagtail's own "document" link type (order 0), which this replaces.
    features.register_link_type(NamelessDocumentLinkHandler)
