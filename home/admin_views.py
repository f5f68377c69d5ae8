"""The admin's "Personal data" view: export or erase everything the site stores about an e-mail address."""

import json

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from . import personal_data

EXPORT_ACTION = "home.personal_data_export"
ERASE_ACTION = "home.personal_data_erase"


def user_can_manage_personal_data(user):
    """Exports and erasures reach every app's data at once: superusers only."""
    return user.is_active and user.is_superuser


class PersonalDataRequestForm(forms.Form):
    EXPORT = "export"
    ERASE = "erase"

    email = forms.EmailField(
        label=gettext_lazy("E-mail address"),
        help_text=gettext_lazy("The address the person wrote from, exactly as they gave it."),
    )
    operation = forms.ChoiceField(
        label=gettext_lazy("What to do"),
        choices=[
            (EXPORT, gettext_lazy("Download everything stored about this address (JSON)")),
            (ERASE, gettext_lazy("Erase everything stored about this address")),
        ],
        widget=forms.RadioSelect,
        initial=EXPORT,
    )
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)


class PersonalDataView(WagtailAdminTemplateMixin, FormView):
    """Answers a data-subject request (art. 15, 17 and 20 RODO) in one place; every answer goes to the audit log."""

    template_name = "home/admin/personal_data.html"
    confirm_template_name = "home/admin/personal_data_confirm_erase.html"
    form_class = PersonalDataRequestForm
    page_title = gettext_lazy("Personal data")
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        if not user_can_manage_personal_data(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        if form.cleaned_data["operation"] == PersonalDataRequestForm.EXPORT:
            return self.export(email)
        if not form.cleaned_data["confirmed"]:
            confirmation = PersonalDataRequestForm(
                initial={"email": email, "operation": PersonalDataRequestForm.ERASE, "confirmed": True}
            )
            context = self.get_context_data(form=confirmation, email=email)
            return TemplateResponse(self.request, self.confirm_template_name, context)
        return self.erase(email)

    def export(self, email):
        data = {
            "email": email,
            "exported_at": timezone.now(),
            "data": personal_data.export(email),
        }
        self.audit(EXPORT_ACTION, email, {})
        response = HttpResponse(
            json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = 'attachment; filename="personal-data.json"'
        return response

    def erase(self, email):
        removed = personal_data.erase(email)
        total = sum(count for counts in removed.values() for count in counts.values())
        self.audit(ERASE_ACTION, email, {"removed": removed})
        message = _("Erased: %(count)d records about the address were removed or anonymised.") % {"count": total}
        messages.success(self.request, message)
        return redirect(reverse("personal_data"))

    def audit(self, action, email, data):
        # The audit log keeps a keyed hash, never the address itself: an erasure must not leave it behind.
        log(
            instance=self.request.user,
            action=action,
            user=self.request.user,
            data={"email_hmac": personal_data.email_digest(email), **data},
        )
