from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import ContactDetails


class ContactDetailsViewSet(SnippetViewSet):
    model = ContactDetails
    icon = "mail"
    menu_label = _("Contact details")
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["organisation_name", "secretary_name", "phone", "email", "locale"]


register_snippet(ContactDetailsViewSet)
